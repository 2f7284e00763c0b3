type RequestInput = {
  /** The HTTP method; GET when absent. */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";
  /** The path relative to the API's base URL, such as /pets/42. Not an absolute URL, and no query string: use query. */
  path: string;
  /** Query parameters; an array repeats the parameter (?tag=a&tag=b). */
  query?: {
    [key: string]: string | number | boolean | (string | number | boolean)[];
  };
  /** Request headers. Authentication is added by the connector: do not send credentials. */
  headers?: {
    [key: string]: string;
  };
  /** The request body: an object, array, number or boolean is sent as JSON, a string as UTF-8 text. For file uploads use the operation's own tool. */
  body?: unknown;
};
type RequestOutput = unknown;
type UpdatePetInput = {
  /** Pet object that needs to be added to the store */
  body: PetWritable;
};
type UpdatePetOutput = unknown;
type AddPetInput = {
  /** Pet object that needs to be added to the store */
  body: PetWritable;
};
type AddPetOutput = unknown;
type FindPetsByStatusInput = {
  /** Status values that need to be considered for filter */
  status: ("available" | "pending" | "sold")[];
};
type FindPetsByStatusOutput = Pet[];
type FindPetsByTagsInput = {
  /** Tags to filter by */
  tags: string[];
};
type FindPetsByTagsOutput = Pet[];
type GetPetByIdInput = {
  /**
   * ID of pet to return
   * @format int64
   */
  petId: number;
};
type GetPetByIdOutput = Pet;
type UpdatePetWithFormInput = {
  /**
   * ID of pet that needs to be updated
   * @format int64
   */
  petId: number;
  body?: {
    /** Updated name of the pet */
    name?: string;
    /** Updated status of the pet */
    status?: string;
  };
};
type UpdatePetWithFormOutput = unknown;
type DeletePetInput = {
  api_key?: string;
  /**
   * Pet id to delete
   * @format int64
   */
  petId: number;
};
type DeletePetOutput = unknown;
type UploadFileInput = {
  /**
   * ID of pet to update
   * @format int64
   */
  petId: number;
  body?: {
    /** Additional data to pass to server */
    additionalMetadata?: string;
    /** file to upload */
    file?: Uint8Array;
  };
};
type UploadFileOutput = ApiResponse;
type GetInventoryInput = {};
type GetInventoryOutput = {
  [key: string]: number;
};
type PlaceOrderInput = {
  /** order placed for purchasing the pet */
  body: Order;
};
type PlaceOrderOutput = Order;
type GetOrderByIdInput = {
  /**
   * ID of pet that needs to be fetched
   * @format int64
   * @minimum 1
   * @maximum 10
   */
  orderId: number;
};
type GetOrderByIdOutput = Order;
type DeleteOrderInput = {
  /**
   * ID of the order that needs to be deleted
   * @format int64
   * @minimum 1
   */
  orderId: number;
};
type DeleteOrderOutput = unknown;
type CreateUserInput = {
  /** Created user object */
  body: User;
};
type CreateUserOutput = null;
type CreateUsersWithArrayInputInput = {
  /** List of user object */
  body: User[];
};
type CreateUsersWithArrayInputOutput = null;
type CreateUsersWithListInputInput = {
  /** List of user object */
  body: User[];
};
type CreateUsersWithListInputOutput = null;
type LoginUserInput = {
  /** The user name for login */
  username: string;
  /** The password for login in clear text */
  password: string;
};
type LoginUserOutput = string;
type LogoutUserInput = {};
type LogoutUserOutput = null;
type GetUserByNameInput = {
  /** The name that needs to be fetched. Use user1 for testing. */
  username: string;
};
type GetUserByNameOutput = User;
type UpdateUserInput = {
  /** name that need to be updated */
  username: string;
  /** Updated user object */
  body: User;
};
type UpdateUserOutput = unknown;
type DeleteUserInput = {
  /** The name that needs to be deleted */
  username: string;
};
type DeleteUserOutput = unknown;
type PetWritable = {
  category?: Category;
  name: string;
  photoUrls: string[];
  tags?: Tag[];
  /** pet status in the store */
  status?: "available" | "pending" | "sold";
};
type Pet = {
  /**
   * @format int64
   * @default 40
   */
  id?: number;
  category?: Category;
  name: string;
  photoUrls: string[];
  tags?: Tag[];
  /** pet status in the store */
  status?: "available" | "pending" | "sold";
};
type ApiResponse = {
  /** @format int32 */
  code?: number;
  type?: string;
  message?: string;
};
type Order = {
  /** @format int64 */
  id?: number;
  /** @format int64 */
  petId?: number;
  /** @format int32 */
  quantity?: number;
  /** @format date-time */
  shipDate?: string;
  /** Order Status */
  status?: "placed" | "approved" | "delivered";
  /** @default false */
  complete?: boolean;
};
type User = {
  /** @format int64 */
  id?: number;
  username?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  password?: string;
  phone?: string;
  /**
   * User Status
   * @format int32
   */
  userStatus?: number;
};
type Category = {
  /** @format int64 */
  id?: number;
  name?: string;
};
type Tag = {
  /** @format int64 */
  id?: number;
  name?: string;
};

/**
 * A pet shop: find, add, change and remove pets, place and look up orders, and manage user accounts. Every operation of the Swagger Petstore spec is a tool, named after its operationId.
 *
 * The tools are derived at compile time from `petstore/petstore.yaml`. Requests go to the URL in the system property  (the local `PetstoreServer` in the demo), else to the spec's server; the API key comes from the system property  or the environment variable , else . It is added to every request here, on the host: model code never sees it.
 */
declare const petstore: {
  /**
   * Sends any HTTP request to this API, for what the other tools do not cover. The path is relative to the API's base URL; the connector adds authentication. Resolves to the response body: parsed JSON, text, a Uint8Array for binary content, or null when empty. Rejects when the status is not 2xx, with the status and the start of the body.
   * @param input.method - The HTTP method; GET when absent.
   * @param input.path - The path relative to the API's base URL, such as /pets/42. Not an absolute URL, and no query string: use query.
   * @param input.query - Query parameters; an array repeats the parameter (?tag=a&tag=b).
   * @param input.headers - Request headers. Authentication is added by the connector: do not send credentials.
   * @param input.body - The request body: an object, array, number or boolean is sent as JSON, a string as UTF-8 text. For file uploads use the operation's own tool.
   */
  request: (input: RequestInput) => Promise<RequestOutput>;

  /**
   * Update an existing pet
   * @param input.body - Pet object that needs to be added to the store
   */
  updatePet: (input: UpdatePetInput) => Promise<UpdatePetOutput>;

  /**
   * Add a new pet to the store
   * @param input.body - Pet object that needs to be added to the store
   */
  addPet: (input: AddPetInput) => Promise<AddPetOutput>;

  /**
   * Finds Pets by status
   *
   * Multiple status values can be provided with comma separated strings
   * @param input.status - Status values that need to be considered for filter
   */
  findPetsByStatus: (input: FindPetsByStatusInput) => Promise<FindPetsByStatusOutput>;

  /**
   * Deprecated. Finds Pets by tags
   *
   * Muliple tags can be provided with comma separated strings. Use tag1, tag2, tag3 for testing.
   * @param input.tags - Tags to filter by
   */
  findPetsByTags: (input: FindPetsByTagsInput) => Promise<FindPetsByTagsOutput>;

  /**
   * Find pet by ID
   *
   * Returns a single pet
   * @param input.petId - ID of pet to return
   */
  getPetById: (input: GetPetByIdInput) => Promise<GetPetByIdOutput>;

  /**
   * Updates a pet in the store with form data
   * @param input.petId - ID of pet that needs to be updated
   */
  updatePetWithForm: (input: UpdatePetWithFormInput) => Promise<UpdatePetWithFormOutput>;

  /**
   * Deletes a pet
   * @param input.petId - Pet id to delete
   */
  deletePet: (input: DeletePetInput) => Promise<DeletePetOutput>;

  /**
   * Uploads an image
   * @param input.petId - ID of pet to update
   */
  uploadFile: (input: UploadFileInput) => Promise<UploadFileOutput>;

  /**
   * Returns pet inventories by status
   *
   * Returns a map of status codes to quantities
   */
  getInventory: (input: GetInventoryInput) => Promise<GetInventoryOutput>;

  /**
   * Place an order for a pet
   * @param input.body - order placed for purchasing the pet
   */
  placeOrder: (input: PlaceOrderInput) => Promise<PlaceOrderOutput>;

  /**
   * Find purchase order by ID
   *
   * For valid response try integer IDs with value >= 1 and <= 10. Other values will generated exceptions
   * @param input.orderId - ID of pet that needs to be fetched
   */
  getOrderById: (input: GetOrderByIdInput) => Promise<GetOrderByIdOutput>;

  /**
   * Delete purchase order by ID
   *
   * For valid response try integer IDs with positive integer value. Negative or non-integer values will generate API errors
   * @param input.orderId - ID of the order that needs to be deleted
   */
  deleteOrder: (input: DeleteOrderInput) => Promise<DeleteOrderOutput>;

  /**
   * Create user
   *
   * This can only be done by the logged in user.
   * @param input.body - Created user object
   */
  createUser: (input: CreateUserInput) => Promise<CreateUserOutput>;

  /**
   * Creates list of users with given input array
   * @param input.body - List of user object
   */
  createUsersWithArrayInput: (input: CreateUsersWithArrayInputInput) => Promise<CreateUsersWithArrayInputOutput>;

  /**
   * Creates list of users with given input array
   * @param input.body - List of user object
   */
  createUsersWithListInput: (input: CreateUsersWithListInputInput) => Promise<CreateUsersWithListInputOutput>;

  /**
   * Logs user into the system
   * @param input.username - The user name for login
   * @param input.password - The password for login in clear text
   */
  loginUser: (input: LoginUserInput) => Promise<LoginUserOutput>;

  /** Logs out current logged in user session */
  logoutUser: (input: LogoutUserInput) => Promise<LogoutUserOutput>;

  /**
   * Get user by user name
   * @param input.username - The name that needs to be fetched. Use user1 for testing.
   */
  getUserByName: (input: GetUserByNameInput) => Promise<GetUserByNameOutput>;

  /**
   * Updated user
   *
   * This can only be done by the logged in user.
   * @param input.username - name that need to be updated
   * @param input.body - Updated user object
   */
  updateUser: (input: UpdateUserInput) => Promise<UpdateUserOutput>;

  /**
   * Delete user
   *
   * This can only be done by the logged in user.
   * @param input.username - The name that needs to be deleted
   */
  deleteUser: (input: DeleteUserInput) => Promise<DeleteUserOutput>;
};
