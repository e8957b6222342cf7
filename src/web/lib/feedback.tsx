// Access to antd's message/notification/modal from anywhere (set by <FeedbackHolder/> inside <App>),
// and helpers that show an API error the same way on every screen.
import { App, type FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { NotificationInstance } from 'antd/es/notification/interface';
import type { HookAPI as ModalHookAPI } from 'antd/es/modal/useModal';
import { ApiError } from './api.ts';

export let message: MessageInstance;
export let notification: NotificationInstance;
export let modal: ModalHookAPI;

export function FeedbackHolder() {
  const app = App.useApp();
  message = app.message;
  notification = app.notification;
  modal = app.modal;
  return null;
}

/** Shows an error to the user (the server's Vietnamese message when there is one). */
export function showError(err: unknown): void {
  if ((err as Error)?.name === 'AbortError') return;
  if (err instanceof ApiError) {
    if (err.status === 401) return; // the auth provider already sends the user to the login page
    notification.error({
      title: err.status === 403 ? 'Không có quyền' : err.status === 422 ? 'Dữ liệu chưa hợp lệ' : 'Không thực hiện được',
      description: err.message,
      placement: 'topRight',
      duration: 6,
    });
    return;
  }
  console.error(err);
  notification.error({ title: 'Lỗi', description: 'Đã có lỗi ngoài dự kiến. Vui lòng thử lại.' });
}

/**
 * Puts a 422 answer's per-field messages on the form fields they belong to; the general message is
 * shown too. Field paths are the API's body keys, which the forms use as field names.
 */
export function showFormError(form: FormInstance, err: unknown): void {
  if (err instanceof ApiError && err.status === 422) {
    const known = new Set(Object.keys(form.getFieldsValue() ?? {}));
    const fields = err.fieldIssues
      .filter((i) => i.path && known.has(i.path.split('.')[0]!))
      .map((i) => ({ name: i.path.split('.')[0]!, errors: [i.message] }));
    if (fields.length) {
      form.setFields(fields);
      message.error(err.message);
      return;
    }
  }
  showError(err);
}
