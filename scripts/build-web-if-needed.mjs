// Builds the web app (vite build) only when dist/web is missing or older than its sources.
import { spawnSync } from 'node:child_process'
import console from 'node:console'
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const builtPage = path.join(root, 'dist', 'web', 'index.html')
const inputs = [
  path.join(root, 'src', 'web'),
  path.join(root, 'vite.config.ts'),
  path.join(root, 'package.json'),
]

/** The newest modification time of a file, or of any file under a folder. */
function newestChange(target) {
  if (!fs.existsSync(target)) return 0
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs
    .readdirSync(target, { withFileTypes: true })
    .reduce((newest, entry) => Math.max(newest, newestChange(path.join(target, entry.name))), stat.mtimeMs)
}

function reasonToBuild() {
  if (!fs.existsSync(builtPage)) return 'dist/web/index.html is missing'
  const builtAt = fs.statSync(builtPage).mtimeMs
  const changed = inputs.find((input) => newestChange(input) > builtAt)
  return changed ? `${path.relative(root, changed)} changed since the last build` : null
}

const reason = reasonToBuild()
if (reason === null) {
  console.log('Web app is up to date (dist/web); not rebuilding.')
} else {
  console.log(`Building the web app: ${reason}.`)
  const vite = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite')
  const result = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('The web build failed.')
    process.exit(result.status ?? 1)
  }
  console.log('Built the web app into dist/web.')
}
