// Renders one page of a built site to a PNG, to look at it.
// Usage: node tests/browser/screenshot.mjs SITE_DIR PAGE OUT.png [WIDTH]
//    or: node tests/browser/screenshot.mjs SITE_DIR PAGE OUT.pdf   (printed, A4, with the print stylesheet)
import { launch } from './chromium.mjs'
import { serve } from './serve.mjs'

const [siteDir, page, out, width = '1024'] = process.argv.slice(2)
const server = await serve(siteDir)
const browser = await launch()
try {
  const context = await browser.newContext({ viewport: { width: Number(width), height: 800 } })
  const tab = await context.newPage()
  await tab.goto(server.url + page)
  if (out.endsWith('.pdf')) {
    await tab.emulateMedia({ media: 'print' })
    await tab.pdf({ path: out, format: 'A4', preferCSSPageSize: true })
  } else {
    await tab.screenshot({ path: out, fullPage: true })
  }
} finally {
  await browser.close()
  server.close()
}
