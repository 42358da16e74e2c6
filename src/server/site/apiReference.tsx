/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  'x-kyniem-access'?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: unknown;
};
type Doc = {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
};

const styles = `
body{font-family:"Liberation Sans",Arial,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{background:#b3261e;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}
main{max-width:1100px;margin:0 auto;padding:16px}
section{background:#fff;border:1px solid #dde1e6;border-radius:8px;margin:12px 0;padding:8px 16px}
.op{border-top:1px solid #eef0f3;padding:8px 0}.op:first-of-type{border-top:0}
.m{display:inline-block;min-width:64px;font-weight:700;font-family:monospace}
.get{color:#0b6e4f}.post{color:#1f5fbf}.put{color:#8a5a00}.patch{color:#8a5a00}.delete{color:#b3261e}
code{font-family:"Liberation Mono",monospace}.access{float:right;font-size:12px;background:#eef0f3;border-radius:4px;padding:2px 6px}
p{margin:4px 0;color:#444}`;

const Page: FC<{ doc: Doc }> = ({ doc }) => {
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [p, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path: p, op }]);
    }
  }
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.info.title} — tài liệu API</title>
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body>
        <header>
          <h1>
            {doc.info.title} {doc.info.version}
          </h1>
          <div>
            Tài liệu API / API reference —{' '}
            <a style="color:#fff" href="/api/openapi.json">
              openapi.json
            </a>
          </div>
        </header>
        <main>
          <p>{doc.info.description}</p>
          {[...byTag.entries()].map(([tag, ops]) => (
            <section>
              <h2>{tag}</h2>
              {ops.map(({ method, path, op }) => (
                <div class="op">
                  <span class="access">{op['x-kyniem-access']}</span>
                  <span class={`m ${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
                  <p>{op.summary}</p>
                  {op.description ? <p>{op.description}</p> : null}
                  {op.parameters?.length ? (
                    <p>
                      {op.parameters.map((prm) => (
                        <span>
                          <code>{prm.name}</code> ({prm.in}
                          {prm.required ? ', bắt buộc' : ''}){' '}
                        </span>
                      ))}
                    </p>
                  ) : null}
                </div>
              ))}
            </section>
          ))}
        </main>
      </body>
    </html>
  );
};

export function renderApiReference(doc: unknown): string {
  return `<!doctype html>${(<Page doc={doc as Doc} />).toString()}`;
}
