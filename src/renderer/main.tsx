import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Language } from '../shared/contract';
import { api, errorMessage } from './api';
import { App, type AppInfo } from './App';
import { initI18n } from './i18n';
import './styles/app.css';

async function start(): Promise<void> {
  let info: AppInfo | null = null;
  let startupError: string | null = null;
  try {
    info = await api.getAppInfo({});
  } catch (error) {
    startupError = errorMessage(error);
  }
  const language: Language = info?.language ?? 'id';
  await initI18n(language);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App initialInfo={info} startupError={startupError} />
    </StrictMode>,
  );
}

void start();
