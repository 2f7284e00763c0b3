-- Executions, their journals of tool calls, and snippets, scoped by runtime name.
-- Values are JSON text (the literal undefined for JavaScript's undefined, SQL NULL for none);
-- times are epoch milliseconds.

CREATE TABLE codemode_executions (
  id TEXT NOT NULL PRIMARY KEY,
  runtime TEXT NOT NULL,
  code TEXT NOT NULL,
  status TEXT NOT NULL,
  result TEXT,
  error TEXT,
  logs TEXT NOT NULL,
  connectors TEXT NOT NULL,
  seed BIGINT NOT NULL,
  clock BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX codemode_executions_by_status ON codemode_executions (runtime, status, created_at);

CREATE INDEX codemode_executions_by_age ON codemode_executions (runtime, created_at);

CREATE TABLE codemode_journal (
  execution_id TEXT NOT NULL REFERENCES codemode_executions (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  connector TEXT NOT NULL,
  tool TEXT NOT NULL,
  input TEXT NOT NULL,
  result TEXT,
  requires_approval BOOLEAN NOT NULL,
  state TEXT NOT NULL,
  error TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (execution_id, seq)
);

CREATE TABLE codemode_snippets (
  runtime TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  code TEXT NOT NULL,
  connectors TEXT NOT NULL,
  execution_id TEXT,
  saved_at BIGINT NOT NULL,
  PRIMARY KEY (runtime, name)
);
