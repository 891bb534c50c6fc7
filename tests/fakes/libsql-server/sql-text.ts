/**
 * Just enough of SQLite's lexer to learn what sqld learns from its SQL parser before it runs a
 * statement: where statements end, what kind each one is, and which parameters it takes. The
 * `libsql` package tells none of this (and panics when named values meet a `?` parameter), so
 * the fake works it out from the text.
 */

// Strings, quoted identifiers, comments, parameters, words, then any single character.
const TOKEN =
  /'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`(?:[^`]|``)*`?|\[[^\]]*\]?|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|\s+|\?\d*|[:@$][\p{L}\p{N}_$]+|[\p{L}_][\p{L}\p{N}_$]*|[\s\S]/gu;
const BLANK = /^(?:\s|--|\/\*)/;

function* tokens(sql: string): Generator<{ token: string; index: number }> {
  for (const match of sql.matchAll(TOKEN)) if (!BLANK.test(match[0])) yield { token: match[0], index: match.index };
}

/** The statements in `sql`, without their `;`. A trigger's body (`BEGIN …; END`) stays whole. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let words: string[] = [];
  for (const { token, index } of tokens(sql)) {
    const inTrigger = /^CREATE (TEMP |TEMPORARY )?TRIGGER\b/.test(words.slice(0, 3).join(" "));
    if (token === ";" && !(inTrigger && !(words.at(-1) === "END" && words.at(-2) === ";"))) {
      if (words.length > 0) statements.push(sql.slice(start, index));
      start = index + 1;
      words = [];
    } else words.push(token.toUpperCase());
  }
  if (words.length > 0) statements.push(sql.slice(start));
  return statements;
}

export interface StatementKind {
  isInsert: boolean;
  /** INSERT, UPDATE or DELETE: sqld reports `changes()` only for these. */
  isIud: boolean;
  isExplain: boolean;
  /** What `sqlite3_stmt_readonly` would say, near enough for `describe`. */
  isReadonly: boolean;
}

const AFTER_WITH = new Set(["SELECT", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE"]);
const READONLY = new Set(["SELECT", "VALUES", "EXPLAIN", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"]);

/** Classifies one statement by its verb; after a `WITH`, by the first verb outside the CTEs' parentheses. */
export function statementKind(sql: string): StatementKind {
  const words = [...tokens(sql)].map(({ token }) => token.toUpperCase());
  let verb = words[0] ?? "";
  if (verb === "WITH") {
    let depth = 0;
    for (const word of words) {
      depth += word === "(" ? 1 : word === ")" ? -1 : 0;
      if (depth === 0 && AFTER_WITH.has(word)) {
        verb = word;
        break;
      }
    }
  }
  const isInsert = verb === "INSERT" || verb === "REPLACE";
  return { isInsert, isIud: isInsert || verb === "UPDATE" || verb === "DELETE", isExplain: verb === "EXPLAIN", isReadonly: READONLY.has(verb) };
}

/**
 * The statement's parameters by SQLite index (element 0 is `?1`): `null` for a bare `?`, else the
 * name as `sqlite3_bind_parameter_name` gives it (`:a`, `@a`, `$a`, `?3`). Numbering follows
 * SQLite: `?` takes the next index, `?N` takes N, a name repeated keeps its first index.
 */
export function parameterNames(sql: string): (string | null)[] {
  const names: (string | null)[] = [];
  for (const { token } of tokens(sql)) {
    if (token === "?") names.push(null);
    else if (token.startsWith("?")) {
      const index = Number(token.slice(1));
      while (names.length < index) names.push(null);
      names[index - 1] = token;
    } else if (/^[:@$]/.test(token) && !names.includes(token)) names.push(token);
  }
  return names;
}
