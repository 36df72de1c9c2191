import type { Language } from './language.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PlainPage {
  lang: Language;
  title: string;
  /** Paragraphs of text (escaped here). */
  lines: string[];
  /** A form the page offers; fields are escaped here. */
  form?: {
    action: string;
    button: string;
    fields?: Array<{ name: string; label: string; type: 'password' | 'hidden' | 'email'; value?: string; autocomplete?: string }>;
  };
  link?: { href: string; text: string };
  error?: string;
}

/**
 * A page of the web layer that is not AdminJS's (sign-out, the password to change, an error):
 * server-rendered, no script, in the look of AdminJS's login card. Everything is escaped.
 */
export function plainPage(p: PlainPage): string {
  const fields = (p.form?.fields ?? [])
    .map((f) =>
      f.type === 'hidden'
        ? `<input type="hidden" name="${escape(f.name)}" value="${escape(f.value ?? '')}">`
        : f.type === 'email'
          ? `<label>${escape(f.label)}<input type="email" name="${escape(f.name)}" value="${escape(f.value ?? '')}" autocomplete="email" required></label>`
          : `<label>${escape(f.label)}<input type="password" name="${escape(f.name)}" autocomplete="${escape(f.autocomplete ?? 'new-password')}" required></label>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="${p.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(p.title)} · Portier</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f6f7fb;font:15px/1.5 Roboto,system-ui,sans-serif;color:#0c1e29}
main{background:#fff;box-shadow:0 15px 24px 0 rgba(137,138,154,.15);padding:40px;width:min(420px,90vw)}
h1{font-size:22px;font-weight:400;margin:0 0 16px}
label{display:block;margin:12px 0;font-size:13px;color:#454655}
input{display:block;box-sizing:border-box;width:100%;margin-top:4px;padding:8px;border:1px solid #c0c0ca;font:inherit}
button{margin-top:16px;padding:10px 24px;border:0;background:#3040d6;color:#fff;font:inherit;cursor:pointer}
.error{background:#ffe5e5;color:#c20012;padding:8px 12px;margin:12px 0}
a{color:#3040d6}
</style></head>
<body><main><h1>${escape(p.title)}</h1>
${p.error ? `<p class="error" role="alert">${escape(p.error)}</p>` : ''}
${p.lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
${p.form ? `<form method="post" action="${escape(p.form.action)}">${fields}<button type="submit">${escape(p.form.button)}</button></form>` : ''}
${p.link ? `<p><a href="${escape(p.link.href)}">${escape(p.link.text)}</a></p>` : ''}
</main></body></html>`;
}
