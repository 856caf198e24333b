import type { User } from '@/generated/prisma/client';

export function toUserView(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    merchantId: user.merchantId,
    createdAt: user.createdAt.toISOString(),
  };
}
