// Debian's Chromium through playwright-core: never a browser playwright
// downloaded. The flags keep it from reaching the network on its own.
import { chromium } from 'playwright-core'

export function launch () {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  })
}
