// Tiny glob support for rule options (`**`, `*`, `?`), so the plugin needs neither node:path nor minimatch.

/** `**` crosses folders, `*` and `?` stay within one; the glob must match the whole path. @param {string} glob */
export function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * The linted file's path relative to ESLint's working directory (the repo root), with forward slashes.
 * @param {{ filename: string, cwd: string }} context
 */
export function relativeFilename(context) {
  const filename = context.filename.replaceAll('\\', '/');
  const cwd = context.cwd.replaceAll('\\', '/').replace(/\/$/, '');
  return filename.startsWith(`${cwd}/`) ? filename.slice(cwd.length + 1) : filename;
}
