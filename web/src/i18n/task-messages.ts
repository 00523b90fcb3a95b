/** Strings of a plan's "4 rõ" task table. */
import { useContext } from 'react';
import { LangContext } from './use-i18n.ts';

export const TASK_MESSAGES = {
  vi: {
    title: 'Nhiệm vụ (4 rõ)',
    programme: 'Nhiệm vụ và giải pháp của kế hoạch (4 rõ)',
    overdueCount: 'quá hạn',
    task: 'Nhiệm vụ',
    target: 'Chỉ tiêu / thời gian',
    lead: 'Cơ quan chủ trì',
    co: 'Phối hợp',
    position: 'Chức danh phụ trách',
    positionHint: 'Chức danh phụ trách (không ghi tên người), vd. Trưởng Công an xã',
    deadline: 'Hạn',
    agency: 'Cơ quan',
    allAgencies: 'Mọi cơ quan',
    state: 'Trạng thái',
    allStates: 'Mọi trạng thái',
    open: 'Đang làm',
    done: 'Đã xong',
    overdue: 'Quá hạn',
    dueBy: 'Hạn đến ngày',
    markDone: 'Đã xong',
    add: 'Thêm nhiệm vụ',
    save: 'Thêm',
  },
  en: {
    title: 'Tasks (the "4 clear")',
    programme: 'The plan’s tasks and measures (the "4 clear")',
    overdueCount: 'overdue',
    task: 'Task',
    target: 'Target / time',
    lead: 'Lead agency',
    co: 'Co-ordinating',
    position: 'Responsible position',
    positionHint: 'Responsible position (no names), e.g. Head of commune police',
    deadline: 'Deadline',
    agency: 'Agency',
    allAgencies: 'Every agency',
    state: 'State',
    allStates: 'Every state',
    open: 'Open',
    done: 'Done',
    overdue: 'Overdue',
    dueBy: 'Due by',
    markDone: 'Done',
    add: 'Add a task',
    save: 'Add',
  },
} as const;

export const useTaskText = () => TASK_MESSAGES[useContext(LangContext)];
