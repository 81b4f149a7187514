/** Facts about the publication that every page shows. */
export const GAZETTE = {
  name: '吉林省人民政府公报',
  shortName: '吉林政府公报',
  publisher: '吉林省人民政府办公厅',
  legalNote: '政府公报所登文件与正式文件具有同等效力。',
} as const;
