import {
  BellRingIcon,
  BookOpenCheckIcon,
  CodeXmlIcon,
  HouseIcon,
  InboxIcon,
  LayoutDashboardIcon,
  ReceiptTextIcon,
  ScrollTextIcon,
  SendIcon,
  SettingsIcon,
  ShieldHalfIcon,
  StoreIcon,
  UsersIcon,
  WalletIcon,
  type LucideIcon,
} from 'lucide-react';

// Navigation items name their icon instead of holding it, so a server layout can pass them to the client shell.
export const navIcons = {
  overview: LayoutDashboardIcon,
  home: HouseIcon,
  orders: ReceiptTextIcon,
  deliveries: SendIcon,
  notifications: InboxIcon,
  alerts: BellRingIcon,
  merchants: StoreIcon,
  rules: ShieldHalfIcon,
  settlements: WalletIcon,
  audit: ScrollTextIcon,
  users: UsersIcon,
  developer: CodeXmlIcon,
  settings: SettingsIcon,
  docs: BookOpenCheckIcon,
} satisfies Record<string, LucideIcon>;

export type NavIconName = keyof typeof navIcons;
