import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { copyFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { registerIpc } from './ipc'
import { startWorkspace } from './start-workspace'
import { workspaceFile } from './workspace-path'

// The only file that creates windows. Everything else is shared with browser mode.
let mainWindow: BrowserWindow | null = null
const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href

/** The better-sqlite3 build for this Electron, made by scripts/prepare-electron.mjs. */
function electronNativeBinding(): string | undefined {
  const path = join(
    app.getAppPath(),
    '.electron-native',
    `electron-${process.versions.electron}`,
    'better_sqlite3.node',
  )
  return existsSync(path) ? path : undefined
}

async function saveFile(sourcePath: string, suggestedName: string): Promise<string | null> {
  const options = {
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  }
  const result = mainWindow
    ? await dialog.showSaveDialog(mainWindow, options)
    : await dialog.showSaveDialog(options)
  if (result.canceled || !result.filePath) return null
  await copyFile(sourcePath, result.filePath)
  return result.filePath
}

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (url.split('#')[0] !== rendererUrl.split('#')[0]) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//.test(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}

async function createWindow(): Promise<void> {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Promoledger',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  await mainWindow.loadURL(rendererUrl)
}

app.enableSandbox()
hardenContents()
app
  .whenReady()
  .then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
      callback(false),
    )
    const file = workspaceFile(process.argv, app.getPath('userData'))
    const nativeBinding = electronNativeBinding()
    const { handlers } = await startWorkspace(
      file,
      { kind: 'desktop', saveFile },
      nativeBinding ? { nativeBinding } : {},
    )
    registerIpc(handlers, () => ({ contents: mainWindow?.webContents ?? null, rendererUrl }))
    await createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow()
    })
  })
  .catch((error: unknown) => {
    dialog.showErrorBox(
      'Promoledger could not start',
      error instanceof Error ? error.message : String(error),
    )
    app.quit()
  })

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
