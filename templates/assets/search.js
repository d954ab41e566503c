// Search across the public site, in the browser. The page already lists
// every page, so this only adds a faster way in: it loads the parts of the
// index that search-index.json lists (made by safesite from the pages
// themselves) and shows the pages whose title or text holds every word
// typed. Results are built with textContent, never as HTML.
const form = document.querySelector('[data-search]')
const input = document.getElementById('search-query')
const results = document.getElementById('search-results')
const noScript = document.querySelector('.app-search__no-script')

if (form && input && results) {
  if (noScript) noScript.hidden = true
  let index = null

  const fetchJson = async (address) => {
    const response = await fetch(new URL(address, document.baseURI))
    if (!response.ok) throw new Error(response.statusText)
    return response.json()
  }

  // search-index.json lists the index's parts; they are fetched side by side.
  const load = async () => {
    if (index) return index
    const { parts } = await fetchJson('search-index.json')
    const pages = (await Promise.all(parts.map(fetchJson))).flat()
    index = pages.map(page => ({ ...page, haystack: (page.t + ' ' + page.x).toLowerCase() }))
    return index
  }

  const snippet = (text, word) => {
    const at = text.toLowerCase().indexOf(word)
    if (at < 0) return text.slice(0, 160) + (text.length > 160 ? '…' : '')
    const start = Math.max(0, at - 60)
    return (start > 0 ? '…' : '') + text.slice(start, at + 100).trim() + '…'
  }

  const show = async (query) => {
    results.replaceChildren()
    const words = query.toLowerCase().split(/\s+/).filter(w => w.length > 1)
    if (!words.length) return
    let pages
    try {
      pages = await load()
    } catch {
      const p = document.createElement('p')
      p.className = 'govuk-body'
      p.textContent = 'Search could not start here. Every page is listed below.'
      results.append(p)
      return
    }
    const found = pages
      .filter(page => words.every(w => page.haystack.includes(w)))
      .map(page => ({ page, score: words.reduce((s, w) => s + (page.t.toLowerCase().includes(w) ? 10 : 1), 0) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 50)
    const heading = document.createElement('h2')
    heading.className = 'govuk-heading-m'
    heading.textContent = found.length === 1 ? `1 page found for “${query}”` : `${found.length} pages found for “${query}”`
    results.append(heading)
    const list = document.createElement('ul')
    list.className = 'govuk-list app-search__list'
    for (const { page } of found) {
      const item = document.createElement('li')
      const link = document.createElement('a')
      link.className = 'govuk-link'
      link.href = new URL(page.u, document.baseURI).href
      link.textContent = page.t
      const text = document.createElement('p')
      text.className = 'govuk-body-s'
      text.textContent = snippet(page.x, words[0])
      item.append(link, text)
      list.append(item)
    }
    results.append(list)
  }

  form.addEventListener('submit', event => {
    event.preventDefault()
    const url = new URL(window.location.href)
    url.searchParams.set('q', input.value)
    window.history.replaceState(null, '', url)
    show(input.value)
  })
  const initial = new URL(window.location.href).searchParams.get('q')
  if (initial) {
    input.value = initial
    show(initial)
  }
}
