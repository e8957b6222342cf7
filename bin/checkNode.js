// Plain JavaScript, loaded before any TypeScript: on a Node.js too old to run the TypeScript
// sources (type stripping came unflagged in 22.18 and 23.6), one Vietnamese line instead of
// ERR_UNKNOWN_FILE_EXTENSION and a stack trace. Kept in the syntax old Node versions can parse.

/** Why this Node.js version cannot run Nghị Trường, in one Vietnamese line; null when it can. */
export function nodeVersionProblem(version) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
  const ok = major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
  if (ok) return null;
  return (
    `Nghị Trường cần Node.js 22.18 trở lên (máy này đang chạy Node.js ${version}): ` +
    'hãy cài Node.js 24 LTS từ https://nodejs.org/vi/download (hoặc chạy "nvm install 24") rồi thử lại.'
  );
}

/** Stops the process with that line (exit code 1) when this Node.js is too old. */
export function requireSupportedNode() {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
