/**
 * The value after `--name` on the command line, or undefined when the flag is absent.
 *
 * @example
 * ```ts
 * const patients = Number(argument('patients') ?? '100');
 * ```
 */
export function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
