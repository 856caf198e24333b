'use client';

import { BellRingIcon, ChevronRightIcon, InboxIcon, ReceiptTextIcon, SendIcon, ServerIcon, UserIcon, type LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { Time } from '@/components/ui/time';
import { cn } from '@/lib/cn';
import { NotificationEvidence } from '@/features/notifications/components/notification-evidence';
import type { StoryItem } from '../build-order-story';
import type { TimelineTone, TimelineTopic } from '../describe-timeline-entry';

const topicIcon: Record<TimelineTopic, LucideIcon> = {
  order: ReceiptTextIcon,
  provider: ServerIcon,
  notification: InboxIcon,
  delivery: SendIcon,
  risk: BellRingIcon,
  person: UserIcon,
};

const toneClass: Record<TimelineTone, string> = {
  neutral: 'border-border bg-muted text-muted-foreground',
  info: 'border-info/30 bg-info/10 text-info',
  success: 'border-success/30 bg-success/10 text-success',
  warning: 'border-warning/40 bg-warning/15 text-warning-foreground',
  danger: 'border-destructive/30 bg-destructive/10 text-destructive',
};

/**
 * The order as one story, oldest first: one row per fact, with its business time (exact instant on hover).
 * `showEvidence`: offer each provider notification's raw body and headers (staff only).
 */
export function OrderStory({ items, showEvidence = true }: { items: readonly StoryItem[]; showEvidence?: boolean }) {
  return (
    <ol aria-label="Timeline" className="flex flex-col" data-testid="order-timeline">
      {items.map((item, index) => {
        const Icon = topicIcon[item.topic];
        const last = index === items.length - 1;
        return (
          <li key={item.key} className="relative flex gap-3 pb-5" data-tone={item.tone} data-topic={item.topic}>
            {!last && <span aria-hidden className="absolute left-[15px] top-8 h-[calc(100%-2rem)] w-px bg-border" />}
            <span
              aria-hidden
              className={cn('mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full border', toneClass[item.tone])}
            >
              <Icon className="size-4" />
            </span>
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <p className="font-medium">
                  {item.href ? (
                    <Link
                      href={item.href}
                      className="inline-flex items-center gap-1 rounded-sm hover:underline focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                    >
                      {item.title}
                      <ChevronRightIcon aria-hidden className="size-3.5 text-muted-foreground" />
                    </Link>
                  ) : (
                    item.title
                  )}
                </p>
                <Time value={item.at} format="precise" className="text-xs text-muted-foreground" />
              </div>
              {item.details.map((detail) => (
                <p key={detail} className="break-words text-sm text-muted-foreground">
                  {detail}
                </p>
              ))}
              {showEvidence && item.notificationId && <NotificationEvidence id={item.notificationId} />}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
