/**
 * Words of the `npm run new` templates (src/scaffold/): a text still containing them has not been
 * written yet, which the content check reports. Kept with the check, which the scaffolder may import.
 */
export const placeholderTitle = 'Tiêu đề bài viết';
export const placeholderBody = 'Viết nội dung bài ở đây.';
export const placeholderProject = 'Mô tả dự án ở đây';
export const placeholders = [placeholderTitle, placeholderBody, placeholderProject];
