/** The part of the scanner's programmatic interface the security scan test uses. */
declare module '@doyensec/electronegativity' {
  export interface ScanIssue {
    id: string;
    file: string;
    severity: { name: string };
    confidence: { name: string };
    location: { line: number; column: number };
  }
  export default function run(
    options: Record<string, unknown>,
    forCli: boolean,
  ): Promise<{ issues: ScanIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;
}
