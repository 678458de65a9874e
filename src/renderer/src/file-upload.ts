import { UPLOAD_MAX_BYTES, type UploadedFile } from '../../shared/contract/upload'

/**
 * A picked file as upload methods take it: its name and its content in base64. The page
 * cannot hand the main process a path in browser mode, so the content travels in the request.
 */
export async function readUpload(file: File): Promise<UploadedFile> {
  if (file.size > UPLOAD_MAX_BYTES) {
    throw new Error(`${file.name} is larger than 20 MB; split it into smaller files.`)
  }
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`))
    reader.readAsDataURL(file)
  })
  return { name: file.name, contentBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) }
}
