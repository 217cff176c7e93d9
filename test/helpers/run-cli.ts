import { runCli } from '../../src/cli/run-cli.js';

/** Runs `wixhook` in process and returns what it printed and its exit code. */
export async function wixhook(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return wixhookWithInput('', ...argv);
}

/** Like {@link wixhook}, with `stdin` as standard input. */
export async function wixhookWithInput(stdin: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    cwd: process.cwd(),
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}
