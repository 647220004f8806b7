/** Words of the `npm run new` templates: a text still containing them has not been written yet. */
export const placeholderTitle = 'Tiêu đề bài viết';
export const placeholderBody = 'Viết nội dung bài ở đây.';
export const placeholderProject = 'Mô tả dự án ở đây';
export const placeholders = [placeholderTitle, placeholderBody, placeholderProject];
