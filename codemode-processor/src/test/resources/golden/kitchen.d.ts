type ScalarsInput = {
  value: Scalars;
};
type ScalarsOutput = Scalars;
type TimesInput = {
  value: Times;
};
type TimesOutput = Times;
type MiscInput = {
  value: Misc;
};
type MiscOutput = Misc;
type ContainersInput = {
  value: Containers;
};
type ContainersOutput = Containers;
type EnumsInput = {
  value: Enums;
};
type EnumsOutput = Enums;
type GenericsInput = {
  /** one child per name */
  names: PageOfString;
};
type GenericsOutput = PageOfNode;
type ShapesInput = {
  shape: Shape;
};
type ShapesOutput = Shape;
type BeansInput = {
  profile: Profile;
};
type BeansOutput = Profile;
type ValidatedInput = {
  signup: Signup;
};
type ValidatedOutput = Signup;
type ParametersInput = {
  /**
   * what to look for
   * @minLength 2
   */
  query: string;
  /** Upper bound on results */
  max: number;
  /** where to continue */
  cursor?: string | null;
  priority?: Priority | null;
};
type ParametersOutput = string;
type LaterInput = {
  name: string;
};
type LaterOutput = Node;
type FireInput = {};
type FireOutput = undefined;
type NothingInput = {};
type NothingOutput = undefined;
type MaybeInput = {
  give: boolean;
};
type MaybeOutput = string | null;
type PlantInput = {
  name: string;
};
type PlantOutput = Node;
/** Scalars. */
type Scalars = {
  /** a primitive boolean */
  flag: boolean;
  /** a boxed boolean */
  boxed: boolean;
  tiny: number;
  small: number;
  count: number;
  big: number;
  ratio: number;
  amount: number;
  /**
   * one character
   * @minLength 1
   * @maxLength 1
   */
  letter: string;
  text: string;
  price: number;
  huge: bigint;
};
/** Dates, times and zones. */
type Times = {
  /** @format date-time */
  instant: string;
  /** @format date-time */
  offsetDateTime: string;
  /** @format date-time */
  zonedDateTime: string;
  /** @format date */
  date: string;
  /**
   * @pattern ^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$
   * @example "2024-05-31T14:30:00"
   */
  localDateTime: string;
  /**
   * @pattern ^\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$
   * @example "14:30:00"
   */
  localTime: string;
  /**
   * @pattern ^\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$
   * @example "14:30:00+01:00"
   */
  offsetTime: string;
  /** @format duration */
  duration: string;
  /** @format duration */
  period: string;
  year: number;
  /**
   * @pattern ^-?\d{4,}-\d{2}$
   * @example "2024-05"
   */
  yearMonth: string;
  /**
   * @pattern ^--\d{2}-\d{2}$
   * @example "--05-31"
   */
  monthDay: string;
  zone: string;
  day: DayOfWeek;
};
/** Identifiers, bytes and free-form values. */
type Misc = {
  /** @format uuid */
  id: string;
  /** @format uri */
  link: string;
  bytes: Uint8Array;
  anything: unknown;
  whatever: unknown;
};
/** Collections and maps. */
type Containers = {
  list: string[];
  /** @uniqueItems */
  set: number[];
  collection: number[];
  array: string[];
  numbers: number[];
  byName: {
    [key: string]: number;
  };
  byPriority: {
    LOW?: string;
    HIGH?: string;
  };
  byNumber: {
    [key: string]: string;
  };
  gaps: (string | null)[];
  grid: number[][];
};
/** Enums of three kinds. */
type Enums = {
  priority: Priority;
  level: Level;
  code: Code;
};
/** One page of results. */
type PageOfString = {
  /** the results on this page */
  items: string[];
  /** where the next page starts, absent on the last page */
  next?: string | null;
};
/** One page of results. */
type PageOfNode = {
  /** the results on this page */
  items: Node[];
  /** where the next page starts, absent on the last page */
  next?: string | null;
};
/** A shape, told apart by `kind`. */
type Shape = Circle | Square;
/** A classic bean with a getter, a setter, an is-getter and an ignored property. */
type Profile = {
  name: string;
  active: boolean;
  /** The e-mail address of the person. */
  mail: string;
};
/** Checked input. */
type Signup = {
  /**
   * @minLength 1
   * @maxLength 80
   */
  title: string;
  /**
   * @minimum 1
   * @maximum 5
   */
  stars: number;
  /** @pattern ^(?:[a-z]+)$ */
  slug: string;
  /** @format email */
  email: string;
  /** @maxItems 3 */
  tags: string[];
  /**
   * @minLength 1
   * @pattern \S
   */
  text: string;
  /** @exclusiveMinimum 0 */
  count: number;
  /** @minimum 0.5 */
  ratio: number;
  note?: string | null;
  nickname?: string | null;
  age?: number | null;
};
/** How urgent something is. */
type Priority = "LOW" | "HIGH";
/** A tree node. */
type Node = {
  /** the node's name */
  name: string;
  /** nodes below it */
  children: Node[];
};
type DayOfWeek = "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY" | "SATURDAY" | "SUNDAY";
/** Renamed constants. */
type Level = "lo" | "hi";
/** Numeric values through `@JsonValue`. */
type Code = 200 | 404 | -1;
/** A circle. */
type Circle = {
  kind: "circle";
  radius: number;
};
/** A square. */
type Square = {
  kind: "square";
  side: number;
};

/**
 * Every Java type the processor maps, for the schema tests. Each tool returns what it received, so the same types are checked as inputs and as outputs.
 */
declare const kitchen: {
  /** Echoes scalars. */
  scalars: (input: ScalarsInput) => Promise<ScalarsOutput>;

  /** Echoes dates and times. */
  times: (input: TimesInput) => Promise<TimesOutput>;

  /** Echoes identifiers and free-form values. */
  misc: (input: MiscInput) => Promise<MiscOutput>;

  /** Echoes collections. */
  containers: (input: ContainersInput) => Promise<ContainersOutput>;

  /** Echoes enums. */
  enums: (input: EnumsInput) => Promise<EnumsOutput>;

  /**
   * Wraps names in a tree.
   * @param input.names - one child per name
   */
  generics: (input: GenericsInput) => Promise<GenericsOutput>;

  /** Echoes a shape. */
  shapes: (input: ShapesInput) => Promise<ShapesOutput>;

  /** Echoes a bean. */
  beans: (input: BeansInput) => Promise<BeansOutput>;

  /** Echoes checked input. */
  validated: (input: ValidatedInput) => Promise<ValidatedOutput>;

  /**
   * Direct parameters: required, optional and renamed.
   * @param input.query - what to look for
   * @param input.max - Upper bound on results
   * @param input.cursor - where to continue
   */
  parameters: (input: ParametersInput) => Promise<ParametersOutput>;

  /** Finishes later. */
  later: (input: LaterInput) => Promise<LaterOutput>;

  /** Returns nothing, later. */
  fire: (input: FireInput) => Promise<FireOutput>;

  /** Returns nothing. */
  nothing: (input: NothingInput) => Promise<NothingOutput>;

  /** Maybe returns a value. */
  maybe: (input: MaybeInput) => Promise<MaybeOutput>;

  /** Creates a node, which `forget` undoes. */
  plant: (input: PlantInput) => Promise<PlantOutput>;
};
