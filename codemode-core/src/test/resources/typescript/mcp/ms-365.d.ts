type CreateContactFolderInput = {
  body: {
    /** The unique identifier for an entity. Read-only. */
    id?: string;
    /** The folder's display name. */
    displayName?: string | null;
    /** The ID of the folder's parent folder. */
    parentFolderId?: string | null;
    /** The collection of child folders in the folder. Navigation property. Read-only. Nullable. */
    childFolders?: Def0[];
    /** The contacts in the folder. Navigation property. Read-only. Nullable. */
    contacts?: Def1[];
    /** The collection of multi-value extended properties defined for the contactFolder. Read-only. Nullable. */
    multiValueExtendedProperties?: Def3[];
    /** The collection of single-value extended properties defined for the contactFolder. Read-only. Nullable. */
    singleValueExtendedProperties?: Def4[];
    [key: string]: unknown;
  };
  /** Include response headers (including ETag) in the response metadata */
  includeHeaders?: boolean;
  /** Exclude the full response body and only return success or failure indication */
  excludeResponse?: boolean;
  /** For destructive operations when the confirm gate is enabled (MS365_MCP_REQUIRE_CONFIRM=true; off by default). Set to true only after the user has explicitly approved this action. When the gate is on, calls without confirm: true return { error: "confirmation_required" } without touching user data. */
  confirm?: boolean;
  [key: string]: unknown;
};
type CreateContactFolderOutput = unknown;
type UpdateContactFolderInput = {
  body: {
    /** The unique identifier for an entity. Read-only. */
    id?: string;
    /** The folder's display name. */
    displayName?: string | null;
    /** The ID of the folder's parent folder. */
    parentFolderId?: string | null;
    /** The collection of child folders in the folder. Navigation property. Read-only. Nullable. */
    childFolders?: Def0[];
    /** The contacts in the folder. Navigation property. Read-only. Nullable. */
    contacts?: Def1[];
    /** The collection of multi-value extended properties defined for the contactFolder. Read-only. Nullable. */
    multiValueExtendedProperties?: Def3[];
    /** The collection of single-value extended properties defined for the contactFolder. Read-only. Nullable. */
    singleValueExtendedProperties?: Def4[];
    [key: string]: unknown;
  };
  /** Value for the 'contactFolderId' path segment. Pass it under the name 'contactFolderId', not as 'id'. Use the 'id' field of the contact folder object as returned by Microsoft Graph. */
  contactFolderId: string;
  /** Include response headers (including ETag) in the response metadata */
  includeHeaders?: boolean;
  /** Exclude the full response body and only return success or failure indication */
  excludeResponse?: boolean;
  /** For destructive operations when the confirm gate is enabled (MS365_MCP_REQUIRE_CONFIRM=true; off by default). Set to true only after the user has explicitly approved this action. When the gate is on, calls without confirm: true return { error: "confirmation_required" } without touching user data. */
  confirm?: boolean;
  [key: string]: unknown;
};
type UpdateContactFolderOutput = unknown;
type CreateMailFolderInput = {
  body: {
    /** The unique identifier for an entity. Read-only. */
    id?: string;
    /**
     * The number of immediate child mailFolders in the current mailFolder.
     * @minimum -2147483648
     * @maximum 2147483647
     */
    childFolderCount?: number | null;
    /** The mailFolder's display name. */
    displayName?: string | null;
    /** Indicates whether the mailFolder is hidden. This property can be set only when creating the folder. Find more information in Hidden mail folders. */
    isHidden?: boolean | null;
    /** The unique identifier for the mailFolder's parent mailFolder. */
    parentFolderId?: string | null;
    /**
     * The number of items in the mailFolder.
     * @minimum -2147483648
     * @maximum 2147483647
     */
    totalItemCount?: number | null;
    /**
     * The number of items in the mailFolder marked as unread.
     * @minimum -2147483648
     * @maximum 2147483647
     */
    unreadItemCount?: number | null;
    /** The collection of child folders in the mailFolder. */
    childFolders?: Def0_2[];
    /** The collection of rules that apply to the user's Inbox folder. */
    messageRules?: Def1_2[];
    /** The collection of messages in the mailFolder. */
    messages?: Def29[];
    /** The collection of multi-value extended properties defined for the mailFolder. Read-only. Nullable. */
    multiValueExtendedProperties?: Def31[];
    /** The collection of single-value extended properties defined for the mailFolder. Read-only. Nullable. */
    singleValueExtendedProperties?: Def32[];
    [key: string]: unknown;
  };
  /** Include response headers (including ETag) in the response metadata */
  includeHeaders?: boolean;
  /** Exclude the full response body and only return success or failure indication */
  excludeResponse?: boolean;
  /** For destructive operations when the confirm gate is enabled (MS365_MCP_REQUIRE_CONFIRM=true; off by default). Set to true only after the user has explicitly approved this action. When the gate is on, calls without confirm: true return { error: "confirmation_required" } without touching user data. */
  confirm?: boolean;
  [key: string]: unknown;
};
type CreateMailFolderOutput = unknown;
type CreateOnenotePageInput = {
  body: {
    /** The unique identifier for an entity. Read-only. */
    id?: string;
    /** The endpoint where you can get details about the page. Read-only. */
    self?: string | null;
    /**
     * The date and time when the page was created. The timestamp represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z. Read-only.
     * @format date-time
     * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
     */
    createdDateTime?: string | null;
    /** The page's HTML content. */
    content?: string | null;
    /** The URL for the page's HTML content.  Read-only. */
    contentUrl?: string | null;
    /** The unique identifier of the application that created the page. Read-only. */
    createdByAppId?: string | null;
    /**
     * The date and time when the page was last modified. The timestamp represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z. Read-only.
     * @format date-time
     * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
     */
    lastModifiedDateTime?: string | null;
    /**
     * The indentation level of the page. Read-only.
     * @minimum -2147483648
     * @maximum 2147483647
     */
    level?: number | null;
    links?: Def0_3;
    /**
     * The order of the page within its parent section. Read-only.
     * @minimum -2147483648
     * @maximum 2147483647
     */
    order?: number | null;
    /** The title of the page. */
    title?: string | null;
    userTags?: (string | null)[];
    parentNotebook?: Def2;
    parentSection?: Def6;
    [key: string]: unknown;
  };
  /** Include response headers (including ETag) in the response metadata */
  includeHeaders?: boolean;
  /** Exclude the full response body and only return success or failure indication */
  excludeResponse?: boolean;
  /** For destructive operations when the confirm gate is enabled (MS365_MCP_REQUIRE_CONFIRM=true; off by default). Set to true only after the user has explicitly approved this action. When the gate is on, calls without confirm: true return { error: "confirmation_required" } without touching user data. */
  confirm?: boolean;
  [key: string]: unknown;
};
type CreateOnenotePageOutput = unknown;
type Def0 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /** The folder's display name. */
  displayName?: string | null;
  /** The ID of the folder's parent folder. */
  parentFolderId?: string | null;
  /** The collection of child folders in the folder. Navigation property. Read-only. Nullable. */
  childFolders?: Def0[];
  /** The contacts in the folder. Navigation property. Read-only. Nullable. */
  contacts?: Def1[];
  /** The collection of multi-value extended properties defined for the contactFolder. Read-only. Nullable. */
  multiValueExtendedProperties?: Def3[];
  /** The collection of single-value extended properties defined for the contactFolder. Read-only. Nullable. */
  singleValueExtendedProperties?: Def4[];
  [key: string]: unknown;
};
type Def1 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /** The contact's display name. You can specify the display name in a create or update operation. Note that later updates to other properties may cause an automatically generated value to overwrite the displayName value you have specified. To preserve a pre-existing value, always include it as displayName in an update operation. */
  displayName?: string | null;
  /**
   * The Timestamp type represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  createdDateTime?: string | null;
  /**
   * The Timestamp type represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  lastModifiedDateTime?: string | null;
  /** The contact's title. */
  title?: string | null;
  /** The collection of single-value extended properties defined for the contact. Read-only. Nullable. */
  singleValueExtendedProperties?: Def4[];
  /** The collection of multi-value extended properties defined for the contact. Read-only. Nullable. */
  multiValueExtendedProperties?: Def3[];
  /** The categories associated with the item */
  categories?: (string | null)[];
  /** Identifies the version of the item. Every time the item is changed, changeKey changes as well. This allows Exchange to apply changes to the correct version of the object. Read-only. */
  changeKey?: string | null;
  /** The name of the contact's assistant. */
  assistantName?: string | null;
  /**
   * The contact's birthday. The Timestamp type represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  birthday?: string | null;
  businessAddress?: Def2_2;
  /** The business home page of the contact. */
  businessHomePage?: string | null;
  /** The contact's business phone numbers. */
  businessPhones?: (string | null)[];
  /** The names of the contact's children. */
  children?: (string | null)[];
  /** The name of the contact's company. */
  companyName?: string | null;
  /** The contact's department. */
  department?: string | null;
  /** The contact's email addresses. */
  emailAddresses?: {
    /** The email address of the person or entity. */
    address?: string | null;
    /** The display name of the person or entity. */
    name?: string | null;
    [key: string]: unknown;
  }[];
  /** The name the contact is filed under. */
  fileAs?: string | null;
  /** The contact's suffix. */
  generation?: string | null;
  /** The contact's given name. */
  givenName?: string | null;
  homeAddress?: Def2_2;
  /** The contact's home phone numbers. */
  homePhones?: (string | null)[];
  /** The contact's instant messaging (IM) addresses. */
  imAddresses?: (string | null)[];
  /** The contact's initials. */
  initials?: string | null;
  [key: string]: unknown;
};
type Def3 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /** A collection of property values. */
  value?: (string | null)[];
  [key: string]: unknown;
};
type Def4 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /** A property value. */
  value?: string | null;
  [key: string]: unknown;
};
type Def0_2 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /**
   * The number of immediate child mailFolders in the current mailFolder.
   * @minimum -2147483648
   * @maximum 2147483647
   */
  childFolderCount?: number | null;
  /** The mailFolder's display name. */
  displayName?: string | null;
  /** Indicates whether the mailFolder is hidden. This property can be set only when creating the folder. Find more information in Hidden mail folders. */
  isHidden?: boolean | null;
  /** The unique identifier for the mailFolder's parent mailFolder. */
  parentFolderId?: string | null;
  /**
   * The number of items in the mailFolder.
   * @minimum -2147483648
   * @maximum 2147483647
   */
  totalItemCount?: number | null;
  /**
   * The number of items in the mailFolder marked as unread.
   * @minimum -2147483648
   * @maximum 2147483647
   */
  unreadItemCount?: number | null;
  /** The collection of child folders in the mailFolder. */
  childFolders?: Def0_2[];
  /** The collection of rules that apply to the user's Inbox folder. */
  messageRules?: Def1_2[];
  /** The collection of messages in the mailFolder. */
  messages?: Def29[];
  /** The collection of multi-value extended properties defined for the mailFolder. Read-only. Nullable. */
  multiValueExtendedProperties?: Def31[];
  /** The collection of single-value extended properties defined for the mailFolder. Read-only. Nullable. */
  singleValueExtendedProperties?: Def32[];
  [key: string]: unknown;
};
type Def1_2 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  actions?: {
    /** A list of categories to be assigned to a message. */
    assignCategories?: (string | null)[];
    /** The ID of a folder that a message is to be copied to. */
    copyToFolder?: string | null;
    /** Indicates whether a message should be moved to the Deleted Items folder. */
    delete?: boolean | null;
    /** The email addresses of the recipients to which a message should be forwarded as an attachment. */
    forwardAsAttachmentTo?: Def2_3[];
    /** The email addresses of the recipients to which a message should be forwarded. */
    forwardTo?: Def2_3[];
    /** Indicates whether a message should be marked as read. */
    markAsRead?: boolean | null;
    markImportance?: Def3_2;
    /** The ID of the folder that a message will be moved to. */
    moveToFolder?: string | null;
    /** Indicates whether a message should be permanently deleted and not saved to the Deleted Items folder. */
    permanentDelete?: boolean | null;
    /** The email addresses to which a message should be redirected. */
    redirectTo?: Def2_3[];
    /** Indicates whether subsequent rules should be evaluated. */
    stopProcessingRules?: boolean | null;
    [key: string]: unknown;
  };
  /** [Note: Simplified from 30 properties to 25 most common ones] */
  conditions?: {
    sensitivity?: Def26;
    importance?: Def10;
    bodyContains?: Def4_2;
    bodyOrSubjectContains?: Def5;
    categories?: Def6_2;
    fromAddresses?: Def7;
    hasAttachments?: Def8;
    headerContains?: Def9;
    isApprovalRequest?: Def11;
    isAutomaticForward?: Def12;
    isAutomaticReply?: Def13;
    isEncrypted?: Def14;
    isMeetingRequest?: Def15;
    isMeetingResponse?: Def16;
    isNonDeliveryReport?: Def17;
    isPermissionControlled?: Def18;
    isReadReceipt?: Def19;
    isSigned?: Def20;
    isVoicemail?: Def21;
    messageActionFlag?: Def22;
    notSentToMe?: Def23;
    recipientContains?: Def24;
    senderContains?: Def25;
    sentCcMe?: Def27;
    sentOnlyToMe?: Def28;
    [key: string]: unknown;
  };
  /** The display name of the rule. */
  displayName?: string | null;
  /** [Note: Simplified from 30 properties to 25 most common ones] */
  exceptions?: {
    sensitivity?: Def26;
    importance?: Def10;
    bodyContains?: Def4_2;
    bodyOrSubjectContains?: Def5;
    categories?: Def6_2;
    fromAddresses?: Def7;
    hasAttachments?: Def8;
    headerContains?: Def9;
    isApprovalRequest?: Def11;
    isAutomaticForward?: Def12;
    isAutomaticReply?: Def13;
    isEncrypted?: Def14;
    isMeetingRequest?: Def15;
    isMeetingResponse?: Def16;
    isNonDeliveryReport?: Def17;
    isPermissionControlled?: Def18;
    isReadReceipt?: Def19;
    isSigned?: Def20;
    isVoicemail?: Def21;
    messageActionFlag?: Def22;
    notSentToMe?: Def23;
    recipientContains?: Def24;
    senderContains?: Def25;
    sentCcMe?: Def27;
    sentOnlyToMe?: Def28;
    [key: string]: unknown;
  };
  /** Indicates whether the rule is in an error condition. Read-only. */
  hasError?: boolean | null;
  /** Indicates whether the rule is enabled to be applied to messages. */
  isEnabled?: boolean | null;
  /** Indicates if the rule is read-only and cannot be modified or deleted by the rules REST API. */
  isReadOnly?: boolean | null;
  /**
   * Indicates the order in which the rule is executed, among other rules.
   * @minimum -2147483648
   * @maximum 2147483647
   */
  sequence?: number | null;
  [key: string]: unknown;
};
type Def29 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /**
   * The Timestamp type represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  createdDateTime?: string | null;
  /**
   * The Timestamp type represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  lastModifiedDateTime?: string | null;
  body?: {
    /** The content of the item. */
    content?: string | null;
    contentType?: "text" | "html";
    [key: string]: unknown;
  };
  /** The subject of the message. */
  subject?: string | null;
  /** The fileAttachment and itemAttachment attachments for the message. */
  attachments?: {
    /** The unique identifier for an entity. Read-only. */
    id?: string;
    /** The MIME type. */
    contentType?: string | null;
    /** true if the attachment is an inline attachment; otherwise, false. */
    isInline?: boolean;
    /**
     * The Timestamp type represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z
     * @format date-time
     * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
     */
    lastModifiedDateTime?: string | null;
    /** The attachment's file name. */
    name?: string | null;
    /**
     * The length of the attachment in bytes.
     * @minimum -2147483648
     * @maximum 2147483647
     */
    size?: number;
    [key: string]: unknown;
  }[];
  /** The collection of single-value extended properties defined for the message. Nullable. */
  singleValueExtendedProperties?: Def32[];
  /** The collection of multi-value extended properties defined for the message. Nullable. */
  multiValueExtendedProperties?: Def31[];
  importance?: Def3_2;
  from?: Def2_3;
  /** The To: recipients for the message. */
  toRecipients?: Def2_3[];
  /** The categories associated with the item */
  categories?: (string | null)[];
  /** Identifies the version of the item. Every time the item is changed, changeKey changes as well. This allows Exchange to apply changes to the correct version of the object. Read-only. */
  changeKey?: string | null;
  /** The Bcc: recipients for the message. */
  bccRecipients?: Def2_3[];
  /** The first 255 characters of the message body. It is in text format. */
  bodyPreview?: string | null;
  /** The Cc: recipients for the message. */
  ccRecipients?: Def2_3[];
  /** The ID of the conversation the email belongs to. */
  conversationId?: string | null;
  /** Indicates the position of the message within the conversation. */
  conversationIndex?: string | null;
  flag?: {
    completedDateTime?: Def30;
    dueDateTime?: Def30;
    flagStatus?: "notFlagged" | "complete" | "flagged";
    startDateTime?: Def30;
    [key: string]: unknown;
  };
  /** Indicates whether the message has attachments. This property doesn't include inline attachments, so if a message contains only inline attachments, this property is false. To verify the existence of inline attachments, parse the body property to look for a src attribute, such as <IMG src='cid:image001.jpg@01D26CD8.6C05F070'>. */
  hasAttachments?: boolean | null;
  inferenceClassification?: "focused" | "other";
  /** A collection of message headers defined by RFC5322. The set includes message headers indicating the network path taken by a message from the sender to the recipient. It can also contain custom message headers that hold app data for the message.  Requires $select to retrieve. Read-only. */
  internetMessageHeaders?: {
    /** Represents the key in a key-value pair. */
    name?: string | null;
    /** The value in a key-value pair. */
    value?: string | null;
    [key: string]: unknown;
  }[];
  /** The message ID in the format specified by RFC2822. */
  internetMessageId?: string | null;
  /** Indicates whether a read receipt is requested for the message. */
  isDeliveryReceiptRequested?: boolean | null;
  /** Indicates whether the message is a draft. A message is a draft if it hasn't been sent yet. */
  isDraft?: boolean | null;
  [key: string]: unknown;
};
type Def31 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /** A collection of property values. */
  value?: (string | null)[];
  [key: string]: unknown;
};
type Def32 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /** A property value. */
  value?: string | null;
  [key: string]: unknown;
};
type Def0_3 = {
  oneNoteClientUrl?: Def1_3;
  oneNoteWebUrl?: Def1_3;
  [key: string]: unknown;
};
type Def2 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /** The endpoint where you can get details about the page. Read-only. */
  self?: string | null;
  /**
   * The date and time when the page was created. The timestamp represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z. Read-only.
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  createdDateTime?: string | null;
  createdBy?: Def3_3;
  /** The name of the notebook. */
  displayName?: string | null;
  lastModifiedBy?: Def3_3;
  /**
   * The date and time when the notebook was last modified. The timestamp represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z. Read-only.
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  lastModifiedDateTime?: string | null;
  /** Indicates whether this is the user's default notebook. Read-only. */
  isDefault?: boolean | null;
  /** Indicates whether the notebook is shared. If true, the contents of the notebook can be seen by people other than the owner. Read-only. */
  isShared?: boolean | null;
  links?: {
    oneNoteClientUrl?: Def1_3;
    oneNoteWebUrl?: Def1_3;
    [key: string]: unknown;
  };
  /** The URL for the sectionGroups navigation property, which returns all the section groups in the notebook. Read-only. */
  sectionGroupsUrl?: string | null;
  /** The URL for the sections navigation property, which returns all the sections in the notebook. Read-only. */
  sectionsUrl?: string | null;
  userRole?: "None" | "Owner" | "Contributor" | "Reader";
  /** The section groups in the notebook. Read-only. Nullable. */
  sectionGroups?: Def5_2[];
  /** The sections in the notebook. Read-only. Nullable. */
  sections?: Def6[];
  [key: string]: unknown;
};
type Def6 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /** The endpoint where you can get details about the page. Read-only. */
  self?: string | null;
  /**
   * The date and time when the page was created. The timestamp represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z. Read-only.
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  createdDateTime?: string | null;
  createdBy?: Def3_3;
  /** The name of the notebook. */
  displayName?: string | null;
  lastModifiedBy?: Def3_3;
  /**
   * The date and time when the notebook was last modified. The timestamp represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z. Read-only.
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  lastModifiedDateTime?: string | null;
  /** Indicates whether this is the user's default section. Read-only. */
  isDefault?: boolean | null;
  links?: {
    oneNoteClientUrl?: Def1_3;
    oneNoteWebUrl?: Def1_3;
    [key: string]: unknown;
  };
  /** The pages endpoint where you can get details for all the pages in the section. Read-only. */
  pagesUrl?: string | null;
  /** The collection of pages in the section.  Read-only. Nullable. */
  pages?: {
    /** The unique identifier for an entity. Read-only. */
    id?: string;
    /** The endpoint where you can get details about the page. Read-only. */
    self?: string | null;
    /**
     * The date and time when the page was created. The timestamp represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z. Read-only.
     * @format date-time
     * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
     */
    createdDateTime?: string | null;
    /** The page's HTML content. */
    content?: string | null;
    /** The URL for the page's HTML content.  Read-only. */
    contentUrl?: string | null;
    /** The unique identifier of the application that created the page. Read-only. */
    createdByAppId?: string | null;
    /**
     * The date and time when the page was last modified. The timestamp represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z. Read-only.
     * @format date-time
     * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
     */
    lastModifiedDateTime?: string | null;
    /**
     * The indentation level of the page. Read-only.
     * @minimum -2147483648
     * @maximum 2147483647
     */
    level?: number | null;
    links?: Def0_3;
    /**
     * The order of the page within its parent section. Read-only.
     * @minimum -2147483648
     * @maximum 2147483647
     */
    order?: number | null;
    /** The title of the page. */
    title?: string | null;
    userTags?: (string | null)[];
    parentNotebook?: Def2;
    parentSection?: Def6;
    [key: string]: unknown;
  }[];
  parentNotebook?: Def2;
  parentSectionGroup?: Def5_2;
  [key: string]: unknown;
};
type Def2_2 = {
  /** The city. */
  city?: string | null;
  /** The country or region. It's a free-format string value, for example, 'United States'. */
  countryOrRegion?: string | null;
  /** The postal code. */
  postalCode?: string | null;
  /** The state. */
  state?: string | null;
  /** The street. */
  street?: string | null;
  [key: string]: unknown;
};
type Def2_3 = {
  emailAddress?: {
    /** The email address of the person or entity. */
    address?: string | null;
    /** The display name of the person or entity. */
    name?: string | null;
    [key: string]: unknown;
  };
  [key: string]: unknown;
};
type Def3_2 = "low" | "normal" | "high";
type Def26 = "normal" | "personal" | "private" | "confidential";
type Def10 = Def3_2;
/** Represents the strings that should appear in the body of an incoming message in order for the condition or exception to apply. */
type Def4_2 = (string | null)[];
/** Represents the strings that should appear in the body or subject of an incoming message in order for the condition or exception to apply. */
type Def5 = (string | null)[];
/** Represents the categories that an incoming message should be labeled with in order for the condition or exception to apply. */
type Def6_2 = (string | null)[];
/** Represents the specific sender email addresses of an incoming message in order for the condition or exception to apply. */
type Def7 = Def2_3[];
/** Indicates whether an incoming message must have attachments in order for the condition or exception to apply. */
type Def8 = boolean | null;
/** Represents the strings that appear in the headers of an incoming message in order for the condition or exception to apply. */
type Def9 = (string | null)[];
/** Indicates whether an incoming message must be an approval request in order for the condition or exception to apply. */
type Def11 = boolean | null;
/** Indicates whether an incoming message must be automatically forwarded in order for the condition or exception to apply. */
type Def12 = boolean | null;
/** Indicates whether an incoming message must be an auto reply in order for the condition or exception to apply. */
type Def13 = boolean | null;
/** Indicates whether an incoming message must be encrypted in order for the condition or exception to apply. */
type Def14 = boolean | null;
/** Indicates whether an incoming message must be a meeting request in order for the condition or exception to apply. */
type Def15 = boolean | null;
/** Indicates whether an incoming message must be a meeting response in order for the condition or exception to apply. */
type Def16 = boolean | null;
/** Indicates whether an incoming message must be a non-delivery report in order for the condition or exception to apply. */
type Def17 = boolean | null;
/** Indicates whether an incoming message must be permission controlled (RMS-protected) in order for the condition or exception to apply. */
type Def18 = boolean | null;
/** Indicates whether an incoming message must be a read receipt in order for the condition or exception to apply. */
type Def19 = boolean | null;
/** Indicates whether an incoming message must be S/MIME-signed in order for the condition or exception to apply. */
type Def20 = boolean | null;
/** Indicates whether an incoming message must be a voice mail in order for the condition or exception to apply. */
type Def21 = boolean | null;
type Def22 = "any" | "call" | "doNotForward" | "followUp" | "fyi" | "forward" | "noResponseNecessary" | "read" | "reply" | "replyToAll" | "review";
/** Indicates whether the owner of the mailbox must not be a recipient of an incoming message in order for the condition or exception to apply. */
type Def23 = boolean | null;
/** Represents the strings that appear in either the toRecipients or ccRecipients properties of an incoming message in order for the condition or exception to apply. */
type Def24 = (string | null)[];
/** Represents the strings that appear in the from property of an incoming message in order for the condition or exception to apply. */
type Def25 = (string | null)[];
/** Indicates whether the owner of the mailbox must be in the ccRecipients property of an incoming message in order for the condition or exception to apply. */
type Def27 = boolean | null;
/** Indicates whether the owner of the mailbox must be the only recipient in an incoming message in order for the condition or exception to apply. */
type Def28 = boolean | null;
type Def30 = {
  /** A single point of time in a combined date and time representation ({date}T{time}; for example, 2017-08-29T04:00:00.0000000). */
  dateTime?: string;
  /** Represents a time zone, for example, 'Pacific Standard Time'. See below for more possible values. */
  timeZone?: string | null;
  [key: string]: unknown;
};
type Def1_3 = {
  /** The URL of the link. */
  href?: string | null;
  [key: string]: unknown;
};
type Def3_3 = {
  application?: Def4_3;
  device?: Def4_3;
  user?: Def4_3;
  [key: string]: unknown;
};
type Def5_2 = {
  /** The unique identifier for an entity. Read-only. */
  id?: string;
  /** The endpoint where you can get details about the page. Read-only. */
  self?: string | null;
  /**
   * The date and time when the page was created. The timestamp represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z. Read-only.
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  createdDateTime?: string | null;
  createdBy?: Def3_3;
  /** The name of the notebook. */
  displayName?: string | null;
  lastModifiedBy?: Def3_3;
  /**
   * The date and time when the notebook was last modified. The timestamp represents date and time information using ISO 8601 format and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z. Read-only.
   * @format date-time
   * @pattern ^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$
   */
  lastModifiedDateTime?: string | null;
  /** The URL for the sectionGroups navigation property, which returns all the section groups in the section group. Read-only. */
  sectionGroupsUrl?: string | null;
  /** The URL for the sections navigation property, which returns all the sections in the section group. Read-only. */
  sectionsUrl?: string | null;
  parentNotebook?: Def2;
  parentSectionGroup?: Def5_2;
  /** The section groups in the section. Read-only. Nullable. */
  sectionGroups?: Def5_2[];
  /** The sections in the section group. Read-only. Nullable. */
  sections?: Def6[];
  [key: string]: unknown;
};
type Def4_3 = {
  /** The display name of the identity.For drive items, the display name might not always be available or up to date. For example, if a user changes their display name the API might show the new value in a future response, but the items associated with the user don't show up as changed when using delta. */
  displayName?: string | null;
  /** Unique identifier for the identity or actor. For example, in the access reviews decisions API, this property might record the id of the principal, that is, the group, user, or application that's subject to review. */
  id?: string | null;
  [key: string]: unknown;
};

/**
 * Four tools of @softeria/ms-365-mcp-server@0.155.0, whose schemas use $defs and $ref for recursive Microsoft Graph types.
 */
declare const microsoft: {
  /**
   * Create a new contactFolder under the user's default contacts folder. You can also create a new contactfolder as a child of any specified contact folder.
   *
   * 💡 TIP: Creates a new contact folder under the user's mailbox root. Body: { displayName: 'Family' }. Returns the created contactFolder with its id. To create a sub-folder under an existing folder, use create-contact-child-folder.
   * @param input.includeHeaders - Include response headers (including ETag) in the response metadata
   * @param input.excludeResponse - Exclude the full response body and only return success or failure indication
   * @param input.confirm - For destructive operations when the confirm gate is enabled (MS365_MCP_REQUIRE_CONFIRM=true; off by default). Set to true only after the user has explicitly approved this action. When the gate is on, calls without confirm: true return { error: "confirmation_required" } without touching user data.
   */
  create_contact_folder: (input: CreateContactFolderInput) => Promise<CreateContactFolderOutput>;

  /**
   * Update the properties of contactfolder object.
   *
   * 💡 TIP: Updates a contact folder. Body: { displayName?: 'New name', parentFolderId?: '<id>' } — both displayName (rename) and parentFolderId (move) are writable. The default 'Contacts' folder may not be renameable. Get the folder id via list-contact-folders.
   * @param input.contactFolderId - Value for the 'contactFolderId' path segment. Pass it under the name 'contactFolderId', not as 'id'. Use the 'id' field of the contact folder object as returned by Microsoft Graph.
   * @param input.includeHeaders - Include response headers (including ETag) in the response metadata
   * @param input.excludeResponse - Exclude the full response body and only return success or failure indication
   * @param input.confirm - For destructive operations when the confirm gate is enabled (MS365_MCP_REQUIRE_CONFIRM=true; off by default). Set to true only after the user has explicitly approved this action. When the gate is on, calls without confirm: true return { error: "confirmation_required" } without touching user data.
   */
  update_contact_folder: (input: UpdateContactFolderInput) => Promise<UpdateContactFolderOutput>;

  /**
   * Use this API to create a new mail folder in the root folder of the user's mailbox. If you intend a new folder to be hidden, you must set the isHidden property to true on creation.
   *
   * 💡 TIP: Creates a top-level mail folder. Use create-mail-child-folder to create a subfolder inside an existing folder. Use list-mail-folders to find existing folder IDs.
   * @param input.includeHeaders - Include response headers (including ETag) in the response metadata
   * @param input.excludeResponse - Exclude the full response body and only return success or failure indication
   * @param input.confirm - For destructive operations when the confirm gate is enabled (MS365_MCP_REQUIRE_CONFIRM=true; off by default). Set to true only after the user has explicitly approved this action. When the gate is on, calls without confirm: true return { error: "confirmation_required" } without touching user data.
   */
  create_mail_folder: (input: CreateMailFolderInput) => Promise<CreateMailFolderOutput>;

  /**
   * Create a new OneNote page in the default section of the default notebook. To create a page in a different section in the default notebook, you can use the sectionName query parameter.  Example: ../onenote/pages?sectionName=My%20section The POST /onenote/pages operation is used only to create pages in the current user's default notebook. If you're targeting other notebooks, you can create pages in a specified section.
   *
   * 💡 TIP: Body must be a full HTML document (with <html><head><title>...</title></head><body>...</body></html>). Partial HTML or plain text fails silently or creates malformed pages.
   * @param input.includeHeaders - Include response headers (including ETag) in the response metadata
   * @param input.excludeResponse - Exclude the full response body and only return success or failure indication
   * @param input.confirm - For destructive operations when the confirm gate is enabled (MS365_MCP_REQUIRE_CONFIRM=true; off by default). Set to true only after the user has explicitly approved this action. When the gate is on, calls without confirm: true return { error: "confirmation_required" } without touching user data.
   */
  create_onenote_page: (input: CreateOnenotePageInput) => Promise<CreateOnenotePageOutput>;
};
