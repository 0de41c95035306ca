import { maxProjectBytes, projectFileName, type ProjectFile } from '../../common/projects/project-file';
import { ProjectOpenError, parseProjectText, projectNameFromFileName } from './check-project';

/** Save = download a <name>.chispa.json file (works the same in a browser and in Electron). */
export const downloadProject = (project: ProjectFile): string => {
  const fileName = projectFileName(project.name);
  const url = URL.createObjectURL(new Blob([JSON.stringify(project, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
};

/** Reads and checks a chosen file; rejects with ProjectOpenError on anything but a good project. */
export const readProjectFile = async (file: File): Promise<ProjectFile> => {
  if (file.size > maxProjectBytes) {
    throw new ProjectOpenError('editor.open.error.too-big', { mb: maxProjectBytes / (1024 * 1024) });
  }
  return parseProjectText(await file.text(), projectNameFromFileName(file.name));
};
