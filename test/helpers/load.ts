/** Read a workspace folder in-process, as the commands do, on threads closed afterwards. */
import { ThreadPool } from '../../src/threads/pool.js'
import { loadWorkspace, type Workspace } from '../../src/load/pipeline.js'
import { folderSource } from '../../src/read/folder.js'

export async function loadFolder(root: string): Promise<Workspace> {
  const pool = new ThreadPool()
  try {
    return await loadWorkspace(folderSource(root), { pool })
  } finally {
    await pool.close()
  }
}
