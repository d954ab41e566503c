// Opens every page of a built site in Debian's Chromium and checks what a
// person meets: axe-core's WCAG 2.x A and AA rules, every internal link and
// fragment, nothing requested from another host, no sideways scrolling at
// 320 CSS pixels (WCAG 1.4.10 reflow, the same as 1280 px at 400% zoom), the
// main text readable with JavaScript off, and a unique title on each page.
// With --restricted, the pages are children's documents and must also carry
// noindex and load nothing at all but themselves.
// With --only=PREFIX, only the pages whose path starts with PREFIX are opened
// (for example the caseload of 5,000 children, without its 10,000 documents);
// their links must still reach files, and fragments on the pages opened.
// Usage: node tests/browser/check-site.mjs SITE_DIR [--restricted] [--only=PREFIX]
import { readFile, readdir, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, relative, posix } from 'node:path'
import { launch } from './chromium.mjs'
import { serve } from './serve.mjs'

const require = createRequire(import.meta.url)
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

async function htmlFiles (dir, root = dir) {
  const out = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...await htmlFiles(path, root))
    else if (entry.name.endsWith('.html')) out.push(relative(root, path).split('\\').join('/'))
  }
  return out.sort()
}

const siteDir = process.argv[2]
const restricted = process.argv.includes('--restricted')
if (!siteDir) {
  console.error('usage: node tests/browser/check-site.mjs SITE_DIR')
  process.exit(2)
}
const only = process.argv.find(a => a.startsWith('--only='))?.slice('--only='.length) ?? ''
const pages = (await htmlFiles(siteDir)).filter(p => p.startsWith(only))
const server = await serve(siteDir)
const browser = await launch()
const failures = []
const fail = (page, message) => failures.push(`${page}: ${message}`)
const titles = new Map()
const idsByPage = new Map()
const linksToCheck = []
let checks = 0

try {
  // bypassCSP lets axe be injected; the pages' own policy is still checked
  // below by watching every request they make.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 768 } })
  const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } })
  // A phone (390 x 844 CSS pixels), with JavaScript and without it.
  const PHONE = { width: 390, height: 844 }
  const phone = await browser.newContext({ viewport: PHONE })
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE })
  const origin = new URL(server.url).origin

  for (const file of pages) {
    const tab = await context.newPage()
    tab.on('request', req => {
      const url = new URL(req.url())
      if (url.origin !== origin && url.protocol !== 'data:') fail(file, `requests ${req.url()} from another host`)
      else if (restricted && url.pathname !== '/' + file && url.protocol !== 'data:') fail(file, `loads ${url.pathname}; a restricted document must be one file`)
    })
    const errors = []
    tab.on('pageerror', e => errors.push(e.message))
    const response = await tab.goto(server.url + file)
    if (!response.ok() && file !== '404.html') fail(file, `HTTP ${response.status()}`)

    await tab.addScriptTag({ content: axeSource })
    const result = await tab.evaluate(async tags => {
      // eslint-disable-next-line no-undef
      return await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    }, WCAG_TAGS)
    checks += result.passes.length + result.violations.length + result.incomplete.length
    for (const v of result.violations) {
      for (const node of v.nodes) fail(file, `axe ${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}`)
    }
    for (const e of errors) fail(file, `script error: ${e}`)

    const facts = await tab.evaluate(() => ({
      title: document.title,
      lang: document.documentElement.lang,
      ids: [...document.querySelectorAll('[id]')].map(e => e.id),
      links: [...document.querySelectorAll('a[href], link[href], script[src], img[src]')]
        .map(e => e.getAttribute('href') ?? e.getAttribute('src')),
      hasMain: !!document.querySelector('main#main-content'),
      skipLink: document.querySelector('a[href="#main-content"]')?.getAttribute('href'),
      external: [...document.querySelectorAll('link[href], script[src], img[src], iframe, object, embed')].length,
      robots: document.querySelector('meta[name=robots]')?.content ?? '',
    }))
    idsByPage.set(file, new Set(facts.ids))
    if (!facts.lang) fail(file, 'no lang on <html>')
    if (!facts.hasMain) fail(file, 'no <main id="main-content">')
    if (facts.skipLink !== '#main-content') fail(file, 'no skip link to the main content')
    if (restricted && !/noindex/.test(facts.robots)) fail(file, 'a restricted document without noindex')
    if (restricted && facts.external > 0) fail(file, `a restricted document refers to ${facts.external} other files; it must be self-contained`)
    if (titles.has(facts.title)) fail(file, `title "${facts.title}" is also the title of ${titles.get(facts.title)}`)
    titles.set(facts.title, file)
    for (const link of facts.links) linksToCheck.push({ file, link })
    checks += 5
    await tab.close()

    // This context enforces the page's Content-Security-Policy: anything the
    // policy blocks (our own styles included, if it were wrong) fails here.
    const small = await narrow.newPage()
    small.on('console', msg => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) fail(file, `CSP: ${msg.text()}`)
    })
    small.on('requestfailed', req => fail(file, `request failed: ${req.url()}`))
    await small.goto(server.url + file, { waitUntil: 'networkidle' })
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    if (overflow > 0) fail(file, `scrolls sideways by ${overflow}px at 320px wide`)
    checks++
    await small.close()

    // On a phone the page's heading starts in the top 40% of the first screen:
    // the menu folds away rather than pushing the content down.
    const headingTop = () => {
      const h1 = document.querySelector('main h1')
      return h1 ? h1.getBoundingClientRect().top + window.scrollY : null
    }
    const limit = 0.4 * PHONE.height
    const onPhone = await phone.newPage()
    await onPhone.goto(server.url + file, { waitUntil: 'load' })
    const top = await onPhone.evaluate(headingTop)
    if (top !== null && top > limit) fail(file, `on a phone the main heading starts ${Math.round(top)}px down, below the top 40% (${limit}px)`)
    checks++
    await onPhone.close()

    const plain = await noScript.newPage()
    await plain.goto(server.url + file)
    const text = await plain.evaluate(() => document.querySelector('main')?.innerText.trim().length ?? 0)
    if (text < 20) fail(file, 'the main content is not readable without JavaScript')
    const plainFacts = await plain.evaluate(() => {
      const h1 = document.querySelector('main h1')
      const visible = e => !!e && e.getBoundingClientRect().height > 0
      const link = document.querySelector('a.app-menu-link')
      const menuLinks = [...document.querySelectorAll('.govuk-service-navigation__list a')].map(a => a.getAttribute('href'))
      const target = link ? document.getElementById(link.getAttribute('href').slice(1)) : null
      const reachable = target && visible(target) ? [...target.querySelectorAll('a')].map(a => a.getAttribute('href')) : []
      return {
        top: h1 ? h1.getBoundingClientRect().top + window.scrollY : null,
        hasMenu: menuLinks.length > 0,
        linkShown: visible(link),
        missing: menuLinks.filter(h => !reachable.includes(h)),
      }
    })
    if (plainFacts.top !== null && plainFacts.top > limit) {
      fail(file, `on a phone without JavaScript the main heading starts ${Math.round(plainFacts.top)}px down, below the top 40% (${limit}px)`)
    }
    if (plainFacts.hasMenu && !plainFacts.linkShown) fail(file, 'on a phone without JavaScript there is no way to the menu')
    if (plainFacts.hasMenu && plainFacts.missing.length) fail(file, `on a phone without JavaScript the menu's ${plainFacts.missing.join(', ')} cannot be reached`)
    checks += 3
    await plain.close()
  }

  // Internal links: the file must exist and the fragment must be an id on it.
  for (const { file, link } of linksToCheck) {
    checks++
    if (/^(https?:|mailto:|tel:)/i.test(link)) continue
    const [path, fragment] = link.split('#')
    const target = path === '' ? file : posix.normalize(posix.join(posix.dirname(file), path))
    if (target.startsWith('..')) {
      fail(file, `link ${link} leaves the site`)
      continue
    }
    try {
      await stat(join(siteDir, target))
    } catch {
      fail(file, `broken link ${link}`)
      continue
    }
    const opened = idsByPage.get(target)
    if (fragment && target.endsWith('.html') && (opened || !only) && !opened?.has(fragment)) fail(file, `link ${link}: no id "${fragment}" on ${target}`)
  }
} finally {
  await browser.close()
  server.close()
}

if (failures.length) {
  console.error(failures.join('\n'))
  console.error(`check-site: ${failures.length} problems on ${pages.length} pages`)
  process.exit(1)
}
console.log(`check-site${restricted ? ' (restricted)' : ''}: ${pages.length} pages, ${checks} checks (axe WCAG 2.x A/AA rules, links, hosts, 320px reflow, no-JS, titles): no problems`)
