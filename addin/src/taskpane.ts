// Task pane entry point. Until the pane is built (issue 5) it only says where it runs.
import { detectHost } from './office/host.ts';

const status = document.getElementById('status');
detectHost().then(({ inExcel }) => {
  if (status) {
    status.textContent = inExcel
      ? 'Đang chạy trong Excel. / Running in Excel.'
      : 'Trang này cần được mở trong Excel (bổ trợ). / Open this page inside Excel as an add-in.';
  }
});
