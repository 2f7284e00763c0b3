type EchoInput = {
  /** Message to echo */
  message: string;
};
type EchoOutput = unknown;
type GetAnnotatedMessageInput = {
  /** Type of message to demonstrate different annotation patterns */
  messageType: "error" | "success" | "debug";
  /**
   * Whether to include an example image
   * @default false
   */
  includeImage?: boolean;
};
type GetAnnotatedMessageOutput = unknown;
type GetEnvInput = Record<string, unknown>;
type GetEnvOutput = unknown;
type GetResourceLinksInput = {
  /**
   * Number of resource links to return (1-10)
   * @minimum 1
   * @maximum 10
   * @default 3
   */
  count?: number;
};
type GetResourceLinksOutput = unknown;
type GetResourceReferenceInput = {
  /** @default "Text" */
  resourceType?: "Text" | "Blob";
  /**
   * ID of the text resource to fetch
   * @default 1
   */
  resourceId?: number;
};
type GetResourceReferenceOutput = unknown;
type GetStructuredContentInput = {
  /** Choose city */
  location: "New York" | "Chicago" | "Los Angeles";
};
type GetStructuredContentOutput = {
  /** Temperature in celsius */
  temperature: number;
  /** Weather conditions description */
  conditions: string;
  /** Humidity percentage */
  humidity: number;
};
type GetSumInput = {
  /** First number */
  a: number;
  /** Second number */
  b: number;
};
type GetSumOutput = unknown;
type GetTinyImageInput = Record<string, unknown>;
type GetTinyImageOutput = unknown;
type GzipFileAsResourceInput = {
  /**
   * Name of the output file
   * @default "README.md.gz"
   */
  name?: string;
  /**
   * URL or data URI of the file content to compress
   * @format uri
   * @default "https://raw.githubusercontent.com/modelcontextprotocol/servers/refs/heads/main/README.md"
   */
  data?: string;
  /**
   * How the resulting gzipped file should be returned. 'resourceLink' returns a link to a resource that can be read later, 'resource' returns a full resource object.
   * @default "resourceLink"
   */
  outputType?: "resourceLink" | "resource";
};
type GzipFileAsResourceOutput = unknown;
type ToggleSimulatedLoggingInput = Record<string, unknown>;
type ToggleSimulatedLoggingOutput = unknown;
type ToggleSubscriberUpdatesInput = Record<string, unknown>;
type ToggleSubscriberUpdatesOutput = unknown;
type TriggerLongRunningOperationInput = {
  /**
   * Duration of the operation in seconds
   * @default 10
   */
  duration?: number;
  /**
   * Number of steps in the operation
   * @default 5
   */
  steps?: number;
};
type TriggerLongRunningOperationOutput = unknown;
type GetRootsListInput = Record<string, unknown>;
type GetRootsListOutput = unknown;
type TriggerElicitationRequestInput = Record<string, unknown>;
type TriggerElicitationRequestOutput = unknown;
type TriggerUrlElicitationInput = {
  /**
   * The URL the user should open
   * @format uri
   */
  url: string;
  /**
   * Message shown to the user before opening the URL
   * @default "Please open the link to complete this action."
   */
  message?: string;
  /** Optional explicit elicitation ID. Defaults to a random UUID. */
  elicitationId?: string;
  /**
   * Controls which elicitation mechanism is used. When false (default), sends an elicitation/create request (request path). When true, throws a UrlElicitationRequiredError (MCP error code -32042) so the client handles the URL elicitation via the error path rather than waiting for a response. To clear the error, satisfy the prerequisite and retry this call with the same arguments; the retry ignores errorPath and proceeds, so the client does not loop on the same error.
   * @default false
   */
  errorPath?: boolean;
};
type TriggerUrlElicitationOutput = unknown;
type TriggerSamplingRequestInput = {
  /** The prompt to send to the LLM */
  prompt: string;
  /**
   * Maximum number of tokens to generate
   * @default 100
   */
  maxTokens?: number;
};
type TriggerSamplingRequestOutput = unknown;
type SimulateResearchQueryInput = {
  /** The research topic to investigate */
  topic: string;
  /**
   * Simulate an ambiguous query that requires clarification (triggers input_required status)
   * @default false
   */
  ambiguous?: boolean;
};
type SimulateResearchQueryOutput = unknown;
type TriggerSamplingRequestAsyncInput = {
  /** The prompt to send to the LLM */
  prompt: string;
  /**
   * Maximum number of tokens to generate
   * @default 100
   */
  maxTokens?: number;
};
type TriggerSamplingRequestAsyncOutput = unknown;
type TriggerElicitationRequestAsyncInput = Record<string, unknown>;
type TriggerElicitationRequestAsyncOutput = unknown;

/**
 * Tools of @modelcontextprotocol/server-everything@2026.8.31.
 */
declare const everything: {
  /**
   * Echoes back the input string
   * @param input.message - Message to echo
   */
  echo: (input: EchoInput) => Promise<EchoOutput>;

  /**
   * Demonstrates how annotations can be used to provide metadata about content.
   * @param input.messageType - Type of message to demonstrate different annotation patterns
   * @param input.includeImage - Whether to include an example image
   */
  get_annotated_message: (input: GetAnnotatedMessageInput) => Promise<GetAnnotatedMessageOutput>;

  /** Returns all environment variables, helpful for debugging MCP server configuration */
  get_env: (input: GetEnvInput) => Promise<GetEnvOutput>;

  /**
   * Returns up to ten resource links that reference different types of resources
   * @param input.count - Number of resource links to return (1-10)
   */
  get_resource_links: (input: GetResourceLinksInput) => Promise<GetResourceLinksOutput>;

  /**
   * Returns a resource reference that can be used by MCP clients
   * @param input.resourceId - ID of the text resource to fetch
   */
  get_resource_reference: (input: GetResourceReferenceInput) => Promise<GetResourceReferenceOutput>;

  /**
   * Returns structured content along with an output schema for client data validation
   * @param input.location - Choose city
   */
  get_structured_content: (input: GetStructuredContentInput) => Promise<GetStructuredContentOutput>;

  /**
   * Returns the sum of two numbers
   * @param input.a - First number
   * @param input.b - Second number
   */
  get_sum: (input: GetSumInput) => Promise<GetSumOutput>;

  /** Returns a tiny MCP logo image. */
  get_tiny_image: (input: GetTinyImageInput) => Promise<GetTinyImageOutput>;

  /**
   * Compresses a single file using gzip compression. Depending upon the selected output type, returns either the compressed data as a gzipped resource or a resource link, allowing it to be downloaded in a subsequent request during the current session.
   * @param input.name - Name of the output file
   * @param input.data - URL or data URI of the file content to compress
   * @param input.outputType - How the resulting gzipped file should be returned. 'resourceLink' returns a link to a resource that can be read later, 'resource' returns a full resource object.
   */
  gzip_file_as_resource: (input: GzipFileAsResourceInput) => Promise<GzipFileAsResourceOutput>;

  /** Toggles simulated, random-leveled logging on or off. */
  toggle_simulated_logging: (input: ToggleSimulatedLoggingInput) => Promise<ToggleSimulatedLoggingOutput>;

  /** Toggles simulated resource subscription updates on or off. */
  toggle_subscriber_updates: (input: ToggleSubscriberUpdatesInput) => Promise<ToggleSubscriberUpdatesOutput>;

  /**
   * Demonstrates a long running operation with progress updates.
   * @param input.duration - Duration of the operation in seconds
   * @param input.steps - Number of steps in the operation
   */
  trigger_long_running_operation: (input: TriggerLongRunningOperationInput) => Promise<TriggerLongRunningOperationOutput>;

  /** Lists the current MCP roots provided by the client. Demonstrates the roots protocol capability even though this server doesn't access files. */
  get_roots_list: (input: GetRootsListInput) => Promise<GetRootsListOutput>;

  /** Trigger a Request from the Server for User Elicitation */
  trigger_elicitation_request: (input: TriggerElicitationRequestInput) => Promise<TriggerElicitationRequestOutput>;

  /**
   * Trigger a URL elicitation so the client can direct the user to a browser flow. Supports two mechanisms: the request path (elicitation/create, default) which awaits the user's response, and the error path (UrlElicitationRequiredError, -32042) which signals the client to handle URL elicitation via the error response. Set errorPath=true to use the error path.
   * @param input.url - The URL the user should open
   * @param input.message - Message shown to the user before opening the URL
   * @param input.elicitationId - Optional explicit elicitation ID. Defaults to a random UUID.
   * @param input.errorPath - Controls which elicitation mechanism is used. When false (default), sends an elicitation/create request (request path). When true, throws a UrlElicitationRequiredError (MCP error code -32042) so the client handles the URL elicitation via the error path rather than waiting for a response. To clear the error, satisfy the prerequisite and retry this call with the same arguments; the retry ignores errorPath and proceeds, so the client does not loop on the same error.
   */
  trigger_url_elicitation: (input: TriggerUrlElicitationInput) => Promise<TriggerUrlElicitationOutput>;

  /**
   * Trigger a Request from the Server for LLM Sampling
   * @param input.prompt - The prompt to send to the LLM
   * @param input.maxTokens - Maximum number of tokens to generate
   */
  trigger_sampling_request: (input: TriggerSamplingRequestInput) => Promise<TriggerSamplingRequestOutput>;

  /**
   * Simulates a deep research operation that gathers, analyzes, and synthesizes information. Demonstrates MCP task-based operations with progress through multiple stages. If 'ambiguous' is true and client supports elicitation, sends an elicitation request for clarification.
   * @param input.topic - The research topic to investigate
   * @param input.ambiguous - Simulate an ambiguous query that requires clarification (triggers input_required status)
   */
  simulate_research_query: (input: SimulateResearchQueryInput) => Promise<SimulateResearchQueryOutput>;

  /**
   * Trigger an async sampling request that the CLIENT executes as a background task. Demonstrates bidirectional MCP tasks where the server sends a request and the client executes it asynchronously, allowing the server to poll for progress and results.
   * @param input.prompt - The prompt to send to the LLM
   * @param input.maxTokens - Maximum number of tokens to generate
   */
  trigger_sampling_request_async: (input: TriggerSamplingRequestAsyncInput) => Promise<TriggerSamplingRequestAsyncOutput>;

  /** Trigger an async elicitation request that the CLIENT executes as a background task. Demonstrates bidirectional MCP tasks where the server sends an elicitation request and the client handles user input asynchronously, allowing the server to poll for completion. */
  trigger_elicitation_request_async: (input: TriggerElicitationRequestAsyncInput) => Promise<TriggerElicitationRequestAsyncOutput>;
};
