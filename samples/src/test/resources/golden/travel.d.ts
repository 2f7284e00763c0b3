type SearchFlightsInput = {
  /**
   * IATA code of the departure airport, such as "FRA"
   * @pattern ^(?:[A-Z]{3})$
   */
  from: string;
  /**
   * IATA code of the arrival airport, such as "CDG"
   * @pattern ^(?:[A-Z]{3})$
   */
  to: string;
  /**
   * the day of departure
   * @format date
   */
  date: string;
  /** the cabin; ECONOMY when left out */
  cabin?: CabinClass | null;
  /**
   * how many people travel; 1 when left out
   * @minimum 1
   * @maximum 9
   */
  passengers?: number | null;
};
type SearchFlightsOutput = FlightOffer[];
type BookInput = {
  /** the offer's identifier from searchFlights */
  offerId: string;
  /**
   * who travels, as in their passports
   * @minItems 1
   * @maxItems 9
   */
  passengers: Passenger[];
  /** how to pay */
  payment: Payment;
  /** a note for the agent */
  note?: string | null;
};
type BookOutput = Booking;
type BookingInput = {
  /** the booking reference */
  reference: string;
};
type BookingOutput = Booking;
type ChooseSeatsInput = {
  /** the booking reference */
  reference: string;
  /** seat per passenger, by last name, such as {"Doe": "12A"} */
  seats: {
    [key: string]: string;
  };
};
type ChooseSeatsOutput = Booking;
type CancelInput = {
  /** the booking reference */
  reference: string;
};
type CancelOutput = Booking;
type ExchangeRatesInput = {
  /**
   * the ISO 4217 code to convert from
   * @pattern ^(?:[A-Z]{3})$
   */
  base: string;
};
type ExchangeRatesOutput = {
  [key: string]: number;
};
/** The cabin of a flight. */
type CabinClass = "ECONOMY" | "PREMIUM_ECONOMY" | "BUSINESS" | "FIRST";
/** A flight that can be booked. */
type FlightOffer = {
  /** the offer's identifier, used to book it */
  id: string;
  /** the flights, in order */
  segments: Segment[];
  /** the cabin */
  cabin: CabinClass;
  /** the price for all passengers */
  price: Money;
  /** how many seats are left at this price */
  seatsLeft: number;
  /** conditions of the fare by topic, such as "refund" or "change" */
  fareRules: {
    [key: string]: string;
  };
};
/** A person who travels. */
type Passenger = {
  /**
   * given name as in the passport
   * @minLength 1
   * @pattern \S
   */
  firstName: string;
  /**
   * family name as in the passport
   * @minLength 1
   * @pattern \S
   */
  lastName: string;
  /**
   * date of birth
   * @format date
   */
  birthDate: string;
  /** frequent flyer number */
  loyaltyNumber?: string | null;
};
/** How a booking is paid: by a stored card or by a voucher. */
type Payment = Card | Voucher;
/** A booked trip. */
type Booking = {
  /** the booking reference (record locator) */
  reference: string;
  /** the booked offer */
  offer: FlightOffer;
  /** who travels */
  passengers: Passenger[];
  /** seat per passenger, by last name; empty until seats are chosen */
  seats: {
    [key: string]: string;
  };
  /** how it was paid */
  payment: Payment;
  /** where the booking stands */
  status: BookingStatus;
  /**
   * when it was booked
   * @format date-time
   */
  bookedAt: string;
  /** a note for the agent */
  note?: string | null;
};
/** One flight of a journey. */
type Segment = {
  /** the carrier's flight number */
  flightNumber: string;
  /** IATA code of the departure airport */
  from: string;
  /** IATA code of the arrival airport */
  to: string;
  /**
   * local departure time with offset
   * @format date-time
   */
  departure: string;
  /**
   * local arrival time with offset
   * @format date-time
   */
  arrival: string;
};
/** An amount of money. */
type Money = {
  /** the amount, exact to the cent */
  amount: number;
  /**
   * the ISO 4217 currency code
   * @pattern ^(?:[A-Z]{3})$
   */
  currency: string;
};
/** A card stored in the user's profile. */
type Card = {
  method: "card";
  /** the stored card's identifier */
  cardId: string;
};
/** A travel voucher. */
type Voucher = {
  method: "voucher";
  /**
   * the voucher code
   * @pattern ^(?:[A-Z0-9]{8})$
   */
  code: string;
};
/** Where a booking stands. */
type BookingStatus = "CONFIRMED" | "CANCELLED";

/**
 * A travel desk: search flights, book them for passengers, choose seats and cancel. Booking and cancelling need the user's approval. Prices are in EUR.
 */
declare const travel: {
  /**
   * Searches flights for one day. Results arrive after a short delay, like a real search.
   * @param input.from - IATA code of the departure airport, such as "FRA"
   * @param input.to - IATA code of the arrival airport, such as "CDG"
   * @param input.date - the day of departure
   * @param input.cabin - the cabin; ECONOMY when left out
   * @param input.passengers - how many people travel; 1 when left out
   */
  searchFlights: (input: SearchFlightsInput) => Promise<SearchFlightsOutput>;

  /**
   * Books an offer from a search for the given passengers. A person must approve each booking.
   * @param input.offerId - the offer's identifier from searchFlights
   * @param input.passengers - who travels, as in their passports
   * @param input.payment - how to pay
   * @param input.note - a note for the agent
   */
  book: (input: BookInput) => Promise<BookOutput>;

  /**
   * Looks up a booking.
   * @param input.reference - the booking reference
   */
  booking: (input: BookingInput) => Promise<BookingOutput>;

  /**
   * Chooses seats for the passengers of a booking.
   * @param input.reference - the booking reference
   * @param input.seats - seat per passenger, by last name, such as {"Doe": "12A"}
   */
  chooseSeats: (input: ChooseSeatsInput) => Promise<ChooseSeatsOutput>;

  /**
   * Cancels a booking. A person must approve each cancellation.
   * @param input.reference - the booking reference
   */
  cancel: (input: CancelInput) => Promise<CancelOutput>;

  /**
   * Today's exchange rates from one currency to the others. Always fresh: runs again when a paused run resumes.
   * @param input.base - the ISO 4217 code to convert from
   */
  exchangeRates: (input: ExchangeRatesInput) => Promise<ExchangeRatesOutput>;
};
