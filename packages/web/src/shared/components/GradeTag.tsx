import { Tag } from 'antd';
import { gradeColor } from '../grades';

/** A grade in its colour on the one scale of grades (shared/grades.ts): best green … last red. */
export function GradeTag({ grade, grades, large }: { grade: string | null | undefined; grades: readonly string[]; large?: boolean }) {
  if (!grade) return <span>—</span>;
  return (
    <Tag color={gradeColor(grade, grades)} style={{ marginInlineEnd: 0, fontSize: large ? 16 : undefined, padding: large ? '2px 10px' : undefined }} data-testid="grade-tag">
      {grade}
    </Tag>
  );
}
