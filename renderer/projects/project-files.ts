import { maxProjectBytes, type ProjectFile } from '../../common/projects/project-file';
import { projectFileName } from '../../common/projects/project-name';
import { downloadBlob } from '../ui/download-file';
import { ProjectOpenError, parseProjectText, projectNameFromFileName } from './check-project';

/** Save = download a <name>.chispa.json file (works the same in a browser and in Electron). */
export const downloadProject = (project: ProjectFile): string => {
  const fileName = projectFileName(project.name);
  // The id stays on this PC: a copy opened elsewhere (or here again) becomes a project of its own.
  const { id: _id, ...portable } = project;
  downloadBlob(new Blob([JSON.stringify(portable, null, 2)], { type: 'application/json' }), fileName);
  return fileName;
};

/** Reads and checks a chosen file; rejects with ProjectOpenError on anything but a good project. */
export const readProjectFile = async (file: File): Promise<ProjectFile> => {
  if (file.size > maxProjectBytes) {
    throw new ProjectOpenError('editor.open.error.too-big', { mb: maxProjectBytes / (1024 * 1024) });
  }
  return parseProjectText(await file.text(), projectNameFromFileName(file.name));
};
