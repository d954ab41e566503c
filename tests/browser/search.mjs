// The site search as a person uses it: with scripts on, typing "bursary"
// finds the bursary pages; with scripts off, the page still lists every
// page. Children's documents are never in the index.
// Usage: node tests/browser/search.mjs SITE_DIR [SCREENSHOT_DIR]
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { launch } from './chromium.mjs'
import { serve } from './serve.mjs'

const [siteDir, shots] = process.argv.slice(2)
const server = await serve(siteDir)
const browser = await launch()
const failures = []
const expect = (ok, message) => { if (!ok) failures.push(message) }

try {
  const { parts } = JSON.parse(await readFile(join(siteDir, 'search-index.json'), 'utf8'))
  expect(parts.every(p => /^search\/part-\d+\.json$/.test(p)), `unexpected parts: ${parts}`)
  const index = (await Promise.all(parts.map(async p => JSON.parse(await readFile(join(siteDir, p), 'utf8'))))).flat()
  expect(index.length > 0, 'the search index is empty')
  expect(index.every(p => !p.u.startsWith('..') && !p.u.includes('restricted')), 'the index points outside the public site')

  const phone = { viewport: { width: 375, height: 740 } }
  const withScripts = await browser.newContext(phone)
  const page = await withScripts.newPage()
  await page.goto(server.url + 'search.html')
  await page.fill('#search-query', 'bursary')
  await page.click('button[type=submit]')
  await page.waitForSelector('#search-results h2')
  const heading = await page.textContent('#search-results h2')
  const titles = await page.$$eval('#search-results li a', links => links.map(a => a.textContent))
  expect(/pages? found for “bursary”/.test(heading), `no results heading: ${heading}`)
  expect(titles.includes('Money for university'), `"Money for university" not found: ${titles}`)
  expect(titles.includes('Money for college'), `"Money for college" not found: ${titles}`)
  expect(await page.isHidden('.app-search__no-script'), 'the no-script note shows with scripts on')
  if (shots) await page.screenshot({ path: join(shots, 'search-bursary.png'), fullPage: true })

  // Opening search.html?q=... runs the search straight away.
  await page.goto(server.url + 'search.html?q=complain')
  await page.waitForSelector('#search-results h2')
  expect((await page.$$eval('#search-results li a', l => l.map(a => a.textContent))).includes('How to complain'), 'q= did not search')

  const withoutScripts = await browser.newContext({ ...phone, javaScriptEnabled: false })
  const plain = await withoutScripts.newPage()
  await plain.goto(server.url + 'search.html?q=bursary')
  const listed = await plain.$$eval('.app-every-page a', links => links.map(a => a.textContent))
  expect(listed.includes('Money for university') && listed.includes('Money for college'), 'without scripts, the bursary pages are not listed')
  expect(await plain.isVisible('.app-search__no-script'), 'without scripts, the page does not say every page is listed')
  if (shots) await plain.screenshot({ path: join(shots, 'search-no-script.png'), fullPage: true })
  if (shots) {
    await plain.goto(server.url + 'local-offer/age-18-to-20.html')
    await plain.screenshot({ path: join(shots, 'offer-18-to-20-phone.png'), fullPage: true })
  }
} finally {
  await browser.close()
  server.close()
}
if (failures.length) {
  console.error(failures.join('\n'))
  process.exit(1)
}
console.log('search: "bursary" found with scripts on; every page listed with scripts off')
