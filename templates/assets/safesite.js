// Progressive enhancement only: every page reads in full without this.
// It turns on GOV.UK Frontend's behaviours, such as leaving the site by
// pressing Shift three times on pages with "Exit this page".
import { initAll } from './govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
