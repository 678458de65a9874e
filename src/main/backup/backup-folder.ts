import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { BackupFile, BackupKind } from '../../shared/contract/backups'

const FOLDER = 'backups'
const KINDS: readonly BackupKind[] = ['automatic', 'manual', 'before-restore']

interface NamedBackup extends BackupFile {
  /** 1 for the first backup made in its second, then 2, 3…: orders backups with the same time. */
  sequence: number
}

/** The `backups` folder next to the workspace file. */
export function backupFolderOf(workspaceFile: string): string {
  return join(dirname(workspaceFile), FOLDER)
}

/** `workspace` for `…/workspace.sqlite`: backups of several workspaces can share one folder. */
function stemOf(workspaceFile: string): string {
  return basename(workspaceFile, extname(workspaceFile))
}

const two = (value: number) => String(value).padStart(2, '0')

/** `2026-03-10_12-05-32` in the machine's local time: what a person looking at the folder reads. */
function localStamp(instant: number): string {
  const at = new Date(instant)
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`
  return `${day}_${two(at.getHours())}-${two(at.getMinutes())}-${two(at.getSeconds())}`
}

/** The machine's local calendar day of an instant, for "at most one automatic backup a day". */
export function localDayOfInstant(instant: number): string {
  return localStamp(instant).slice(0, 10)
}

/**
 * A free path for a new backup, `workspace_2026-03-10_12-05-32_manual.sqlite` (with `-2`, `-3`…
 * after the time when that name is taken), creating the folder if needed.
 */
export function newBackupPath(workspaceFile: string, kind: BackupKind, now: number): string {
  const folder = backupFolderOf(workspaceFile)
  mkdirSync(folder, { recursive: true })
  const stamp = localStamp(now)
  for (let sequence = 1; ; sequence++) {
    const suffix = sequence === 1 ? '' : `-${sequence}`
    const path = join(folder, `${stemOf(workspaceFile)}_${stamp}${suffix}_${kind}.sqlite`)
    if (!existsSync(path)) return path
  }
}

function nameParser(workspaceFile: string): RegExp {
  const stem = stemOf(workspaceFile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(
    `^${stem}_(\\d{4})-(\\d{2})-(\\d{2})_(\\d{2})-(\\d{2})-(\\d{2})(?:-(\\d+))?_(${KINDS.join('|')})\\.sqlite$`,
  )
}

function listNamed(workspaceFile: string): NamedBackup[] {
  const folder = backupFolderOf(workspaceFile)
  if (!existsSync(folder)) return []
  const parse = nameParser(workspaceFile)
  const found: NamedBackup[] = []
  for (const name of readdirSync(folder)) {
    const match = parse.exec(name)
    if (!match) continue
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[]
    found.push({
      name,
      kind: match[8] as BackupKind,
      createdAt: new Date(year!, month! - 1, day, hour, minute, second).getTime(),
      sizeBytes: statSync(join(folder, name)).size,
      sequence: Number(match[7] ?? 1),
    })
  }
  return found.sort((a, b) => b.createdAt - a.createdAt || b.sequence - a.sequence)
}

/** This workspace's backups, newest first. Files being written (`.partial`) are not listed. */
export function listBackups(workspaceFile: string): BackupFile[] {
  return listNamed(workspaceFile).map(({ sequence: _sequence, ...backup }) => backup)
}

export function findBackup(workspaceFile: string, name: string): BackupFile | undefined {
  return listBackups(workspaceFile).find((backup) => backup.name === name)
}

export function backupPath(workspaceFile: string, name: string): string {
  return join(backupFolderOf(workspaceFile), name)
}

/** Deletes all but the newest `keep` backups of this workspace; returns the names deleted. */
export function pruneBackups(workspaceFile: string, keep: number): string[] {
  const surplus = listBackups(workspaceFile).slice(keep)
  for (const backup of surplus) rmSync(backupPath(workspaceFile, backup.name), { force: true })
  return surplus.map((backup) => backup.name)
}
