// Captures the tools/list result of one MCP server over stdio: starts the server, sends
// initialize, notifications/initialized and tools/list, prints the tools/list result as pretty
// JSON on stdout and stops the server. It never calls a tool. Lines on stdout that are not JSON
// (banners) are skipped; a roots/list request from the server is answered with no roots.
//
//   CAPS='<client capabilities JSON>' node capture-tools-list.mjs <server command> [args...]
//
// See README.md for the exact commands used for the committed files.
import { spawn } from "node:child_process";
const [cmd, ...args] = process.argv.slice(2);
const child = spawn(cmd, args, { stdio: ["pipe", "pipe", "inherit"], env: process.env });
let buffer = "";
const waiting = new Map();
child.stdout.on("data", (chunk) => {
  buffer += chunk;
  let nl;
  while ((nl = buffer.indexOf("\n")) >= 0) {
    const line = buffer.slice(0, nl).trim();
    buffer = buffer.slice(nl + 1);
    if (!line.startsWith("{")) continue;
    let message;
    try { message = JSON.parse(line); } catch { continue; }
    if (message.id !== undefined && waiting.has(message.id)) {
      waiting.get(message.id)(message);
      waiting.delete(message.id);
    } else if (message.method === "roots/list" && message.id !== undefined) {
      child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id: message.id, result: { roots: [] } }) + "\n");
    }
  }
});
function request(id, method, params) {
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n");
  });
}
const init = await request(1, "initialize", {
  protocolVersion: "2025-11-25",
  capabilities: JSON.parse(process.env.CAPS || "{}"),
  clientInfo: { name: "codemode-capture", version: "0.1.0" },
});
child.stdin.write(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) + "\n");
const list = await request(2, "tools/list", {});
process.stderr.write(`server ${JSON.stringify(init.result.serverInfo)} protocol ${init.result.protocolVersion}, ${list.result.tools.length} tools\n`);
process.stdout.write(JSON.stringify(list.result, null, 2) + "\n");
child.kill();
process.exit(0);
