import { notifications } from '@mantine/notifications'
import classes from './notify.module.css'

/** A short "done" message at the top of the screen, with a named close button and readable text. */
export function notifyDone(title: string, message: string): void {
  notifications.show({
    color: 'kin',
    title,
    message,
    classNames: { description: classes.description },
    closeButtonProps: { 'aria-label': 'Close message' },
  })
}
