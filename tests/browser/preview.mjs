// `safesite serve` driven over loopback as a person uses it: a page is
// served; saving an edit rebuilds it and the open page reloads itself; a
// broken edit sends the page to the error messages while the last good site
// stays served; fixing it brings the page back. Requests that try to leave
// the output folders are refused, and nothing answers on any address but
// 127.0.0.1.
// Usage: node tests/browser/preview.mjs SAFESITE CONTENT_DIR TEMPLATES_DIR
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, symlink, writeFile, appendFile } from 'node:fs/promises'
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { launch } from './chromium.mjs'

const [program, contentDir, templatesDir] = process.argv.slice(2)
const work = await mkdtemp(join(tmpdir(), 'safesite-preview-'))
const content = join(work, 'content')
await cp(contentDir, content, { recursive: true })
const site = join(work, 'site')
const failures = []
const expect = (ok, message) => { if (!ok) failures.push(message) }

const server = spawn(program, ['serve', '--port', '0', '--content', content, '--out', site,
  '--restricted-out', join(work, 'site-restricted'), '--templates', templatesDir, '--today', '2026-11-22', '--quiet'],
{ stdio: ['ignore', 'pipe', 'pipe'] })
let stderr = ''
server.stderr.on('data', d => { stderr += d })
const port = await new Promise((resolve, reject) => {
  let out = ''
  server.stdout.on('data', d => {
    out += d
    const m = out.match(/serving http:\/\/127\.0\.0\.1:(\d+)\//)
    if (m) resolve(Number(m[1]))
  })
  server.on('exit', code => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  setTimeout(() => reject(new Error('serve did not start in 120 s')), 120000)
})
const base = `http://127.0.0.1:${port}`

// A raw GET: the target goes on the wire exactly as written, unnormalised.
function get (target, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path: target, method: 'GET' }, res => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', d => { body += d })
      res.on('end', () => resolve({ status: res.statusCode, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function refusesConnection (host) {
  return new Promise(resolve => {
    const socket = connect({ host, port, timeout: 3000 })
    socket.on('connect', () => { socket.destroy(); resolve(false) })
    socket.on('error', () => resolve(true))
    socket.on('timeout', () => { socket.destroy(); resolve(true) })
  })
}

const browser = await launch()
try {
  const home = await get('/')
  expect(home.status === 200, `/ gave ${home.status}`)
  expect(home.body.includes('/_safesite/live.js'), 'the served page has no reload script')
  expect(!(await readFile(join(site, 'index.html'), 'utf8')).includes('_safesite'), 'the reload script was written into the site itself')
  const restricted = await get('/restricted/')
  expect(restricted.status === 200 && !restricted.body.includes('_safesite'), 'the restricted tree is not served as built under /restricted/')

  await symlink('/etc/passwd', join(site, 'planted.html'))
  for (const target of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/..%2f..%2f..%2fetc/passwd', '/restricted/../../etc/passwd', '/restricted/%2e%2e/site/index.html', '/.safesite',
    '/planted.html', '/planted', '/..%5c..%5cetc%5cpasswd']) {
    const res = await get(target)
    expect(res.status === 404 && !res.body.includes('root:'), `${target} was not refused (${res.status})`)
  }

  const others = ['127.0.0.2', ...Object.values(networkInterfaces()).flat()
    .filter(a => a.family === 'IPv4' && !a.internal).map(a => a.address)]
  for (const host of others) expect(await refusesConnection(host), `the preview answers on ${host}`)
  expect(await refusesConnection('::1'), 'the preview answers on ::1')

  const page = await browser.newPage()
  await page.goto(base + '/about')
  await page.waitForTimeout(500) // let the page's event stream open
  let reloaded = page.waitForEvent('load', { timeout: 60000 })
  const saved = Date.now()
  await appendFile(join(content, 'pages', 'about.md'), '\nA sentence added while the preview was open.\n')
  await reloaded
  const reloadMs = Date.now() - saved
  expect((await page.textContent('main')).includes('A sentence added while the preview was open.'), 'the reloaded page does not show the edit')
  console.log(`preview: the open page reloaded ${reloadMs} ms after the file was saved`)

  const siteXml = join(content, 'site.xml')
  const good = await readFile(siteXml, 'utf8')
  let moved = page.waitForURL(/\/_safesite\/errors/, { timeout: 60000 })
  await writeFile(siteXml, good.replace('<base-url>https://', '<base-url>htps://'))
  await moved
  const shown = await page.textContent('pre')
  expect(/^site\.xml:\d+:\d+: error: /m.test(shown), `the error page does not show the messages as check does:\n${shown}`)
  const stillServed = await get('/about')
  expect(stillServed.status === 200 && stillServed.body.includes('A sentence added'), 'the last good page is not served after a broken edit')

  moved = page.waitForURL(base + '/about', { timeout: 60000 })
  await writeFile(siteXml, good)
  await moved
  expect((await page.textContent('main')).includes('A sentence added'), 'fixing the error did not bring the page back')
} catch (e) {
  failures.push(String(e.stack || e))
} finally {
  await browser.close()
  server.kill('SIGTERM')
  await rm(work, { recursive: true, force: true })
}

if (failures.length) {
  console.error(failures.join('\n'))
  console.error(stderr)
  process.exit(1)
}
console.log('preview: served, reloaded, showed errors, refused escapes, loopback only')
