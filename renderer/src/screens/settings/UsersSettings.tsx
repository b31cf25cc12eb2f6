import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/domain/roles';
import { newPasswordSchema, newUserSchema, type User } from '../../../../shared/domain/user';
import { formatInstant, formatInstantDate } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { isApiCallError, messageOf } from '../../api/errors';
import { useAuth } from '../../api/session';
import { useClinic } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { useConfirm } from '../../components/ConfirmDialog';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { applyServerErrors } from '../../forms/serverErrors';
import { LoadFailed } from '../../components/LoadState';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { BillingIdentityDialog } from './BillingIdentityDialog';

const samePasswords = <T extends { password: string; confirmPassword: string }>(v: T) => v.password === v.confirmPassword;
const mismatch = { path: ['confirmPassword'], message: 'The two passwords are not the same', when: () => true };

const addUserSchema = newUserSchema.extend({ confirmPassword: z.string() }).refine(samePasswords, mismatch);
const resetSchema = z.object({ password: newPasswordSchema, confirmPassword: z.string() }).refine(samePasswords, mismatch);

function AddUserDialog({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (u: User) => void }) {
  const { register, handleSubmit, formState, setError, reset } = useForm<z.input<typeof addUserSchema>, unknown, z.output<typeof addUserSchema>>({
    resolver: zodResolver(addUserSchema),
    mode: 'onTouched',
    defaultValues: { displayName: '', username: '', role: 'therapist', password: '', confirmPassword: '' },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = handleSubmit(async ({ confirmPassword: _c, ...user }) => {
    setProblem(null);
    try {
      onAdded(await call('users.create', user));
      close();
    } catch (error) {
      if (isApiCallError(error) && Object.keys(error.fields).length) {
        const { unplaced } = applyServerErrors(error, setError, ['displayName', 'username', 'role', 'password']);
        if (unplaced.length) setProblem(unplaced.join(' '));
      } else setProblem(messageOf(error));
    }
  });
  const e = formState.errors;
  return (
    <FormDialog open={open} onClose={close} title="Add a user" onSubmit={onSubmit} submitLabel="Add user" submitting={formState.isSubmitting} dirty={formState.isDirty} problem={problem}>
      <div className="form-grid">
        <Field label="Full name" error={e.displayName?.message} className="span-3">
          <input {...register('displayName')} autoComplete="off" />
        </Field>
        <Field label="Username" error={e.username?.message} hint="Letters, digits, dot, dash, underscore." className="span-3">
          <input {...register('username')} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Field>
        <Field label="Role" error={e.role?.message} className="span-6">
          <select {...register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="First password" error={e.password?.message} hint="At least 10 characters. Tell it to them in person." className="span-3">
          <input {...register('password')} type="password" autoComplete="new-password" />
        </Field>
        <Field label="Confirm password" error={e.confirmPassword?.message} className="span-3">
          <input {...register('confirmPassword')} type="password" autoComplete="new-password" />
        </Field>
      </div>
    </FormDialog>
  );
}

function ResetPasswordDialog({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: (u: User) => void }) {
  const { register, handleSubmit, formState, reset } = useForm<z.input<typeof resetSchema>, unknown, z.output<typeof resetSchema>>({
    resolver: zodResolver(resetSchema),
    mode: 'onTouched',
    defaultValues: { password: '', confirmPassword: '' },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = handleSubmit(async ({ password }) => {
    if (!user) return;
    setProblem(null);
    try {
      onDone(await call('users.resetPassword', { id: user.id, password }));
      close();
    } catch (error) {
      setProblem(messageOf(error));
    }
  });
  const e = formState.errors;
  return (
    <FormDialog
      open={user !== null}
      onClose={close}
      title={user ? `Reset password for ${user.displayName}` : 'Reset password'}
      formLabel="Reset password"
      size="narrow"
      onSubmit={onSubmit}
      submitLabel="Set new password"
      submitting={formState.isSubmitting}
      dirty={formState.isDirty}
      problem={problem}
    >
      <p className="muted">This also clears a lock-out after failed sign-ins and signs {user?.displayName ?? 'them'} out everywhere.</p>
      <Field label="New password" error={e.password?.message} hint="At least 10 characters.">
        <input {...register('password')} type="password" autoComplete="new-password" />
      </Field>
      <Field label="Confirm new password" error={e.confirmPassword?.message}>
        <input {...register('confirmPassword')} type="password" autoComplete="new-password" />
      </Field>
    </FormDialog>
  );
}

/** Admins: who may use Runback, with which role. Accounts are deactivated, never deleted. */
export function UsersSettings() {
  const { data, error, refetch } = useQuery('users.list', {});
  const { locale, timeZone } = useClinic();
  const auth = useAuth();
  const me = auth.phase === 'signedIn' ? auth.user : null;
  const confirm = useConfirm();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [identity, setIdentity] = useState<User | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const update = async (user: User, change: { role?: Role; active?: boolean }, done: string) => {
    setProblem(null);
    setNotice(null);
    setBusy(user.id);
    try {
      await call('users.update', { id: user.id, ...change });
      setNotice(done);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(null);
      refetch();
    }
  };

  const changeRole = async (user: User, role: Role) => {
    const ok = await confirm({
      title: 'Change role?',
      message: (
        <p>
          <strong>{user.displayName}</strong> becomes <strong>{ROLE_LABELS[role]}</strong>. {user.id === me?.id ? 'You are' : 'They are'} signed out now and sign in again with the new
          role.
        </p>
      ),
      confirmLabel: `Make ${ROLE_LABELS[role].toLowerCase()}`,
    });
    if (ok) await update(user, { role }, `${user.displayName} is now ${ROLE_LABELS[role].toLowerCase()}.`);
    else refetch();
  };

  const toggleActive = async (user: User) => {
    if (user.active) {
      const ok = await confirm({
        title: 'Deactivate this account?',
        message: (
          <p>
            <strong>{user.displayName}</strong> ({user.username}) can no longer sign in and is signed out now. Their records stay; you can reactivate the account at any time.
          </p>
        ),
        confirmLabel: 'Deactivate',
        tone: 'danger',
      });
      if (!ok) return;
    }
    await update(user, { active: !user.active }, user.active ? `${user.displayName} is deactivated.` : `${user.displayName} is active again.`);
  };

  if (error) return <LoadFailed error={error} onRetry={refetch} />;
  const now = new Date().toISOString();
  const columns: DataTableColumn<User>[] = [
    {
      id: 'name',
      accessorFn: (u) => u.displayName,
      header: 'Name',
      enableSorting: true,
      size: 200,
      meta: { rowHeader: true, grow: 2 },
      cell: ({ row: { original: u } }) => (
        <>
          {u.displayName}
          {u.id === me?.id && <span className="badge you-badge">You</span>}
        </>
      ),
    },
    { id: 'username', accessorFn: (u) => u.username, header: 'Username', enableSorting: true, size: 120, meta: { className: 'mono' }, cell: (i) => i.row.original.username },
    {
      id: 'role',
      accessorFn: (u) => ROLE_LABELS[u.role],
      header: 'Role',
      enableSorting: true,
      size: 150,
      cell: ({ row: { original: u } }) => (
        <select className="input input-compact" aria-label={`Role of ${u.displayName}`} value={u.role} disabled={busy === u.id} onChange={(e) => void changeRole(u, e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      ),
    },
    {
      id: 'status',
      accessorFn: (u) => (u.active ? 0 : 1),
      header: 'Status',
      enableSorting: true,
      size: 130,
      cell: ({ row: { original: u } }) => {
        const locked = u.lockedUntil !== null && u.lockedUntil > now;
        return (
          <span className="status-cell">
            {u.active ? <span className="badge badge-ok">Active</span> : <span className="badge">Deactivated</span>}
            {locked && <span className="badge badge-warning">Locked until {formatInstant(u.lockedUntil!, timeZone, locale)}</span>}
          </span>
        );
      },
    },
    {
      id: 'npi',
      accessorFn: (u) => u.npi ?? '',
      header: 'NPI and credentials',
      enableSorting: false,
      size: 170,
      cell: ({ row: { original: u } }) =>
        u.role === 'therapist' || u.npi ? (
          <span>
            {u.npi ? <span className="mono">{u.npi}</span> : <span className="muted">no NPI</span>}
            {u.credentials ? `, ${u.credentials}` : ''}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    { id: 'added', accessorFn: (u) => u.createdAt, header: 'Added', enableSorting: true, size: 110, meta: { className: 'nowrap' }, cell: (i) => formatInstantDate(i.row.original.createdAt, timeZone, locale) },
    {
      id: 'actions',
      header: '',
      size: 340,
      meta: { srHeader: 'Actions', stickyEnd: true, grow: 0 },
      cell: ({ row: { original: u } }) => (
        <>
          <button type="button" className="button button-small" onClick={() => setIdentity(u)} disabled={busy === u.id}>
            NPI<span className="visually-hidden"> and credentials of {u.displayName}</span>
          </button>
          <button type="button" className="button button-small" onClick={() => setResetting(u)} disabled={busy === u.id}>
            Reset password<span className="visually-hidden"> for {u.displayName}</span>
          </button>
          <button type="button" className="button button-small" onClick={() => void toggleActive(u)} disabled={busy === u.id}>
            {u.active ? 'Deactivate' : 'Reactivate'}
            <span className="visually-hidden"> {u.displayName}</span>
          </button>
        </>
      ),
    },
  ];
  return (
    <section aria-labelledby="users-title">
      <div className="section-header">
        <h2 id="users-title">Users</h2>
        <span className="muted">{data ? `${data.users.filter((u) => u.active).length} active` : ''}</span>
        <span className="spacer" />
        <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
          <span aria-hidden="true">+</span> Add user
        </button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {notice && <Banner tone="success">{notice}</Banner>}
      <DataTable
        label="Users"
        columns={columns}
        data={data?.users ?? []}
        getRowId={(u) => String(u.id)}
        loading={!data}
        loadingLabel="Loading users…"
        rowClassName={(u) => (u.active ? undefined : 'is-inactive')}
        initialSorting={[{ id: 'name', desc: false }]}
        empty={<p className="muted">No users yet.</p>}
      />
      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(u) => {
          setNotice(`${u.displayName} can now sign in as “${u.username}”.`);
          refetch();
        }}
      />
      <BillingIdentityDialog
        user={identity}
        onClose={() => setIdentity(null)}
        onDone={(u) => {
          setNotice(`Saved the NPI and credentials of ${u.displayName}.`);
          refetch();
        }}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(u) => {
          setNotice(`New password set for ${u.displayName}.`);
          refetch();
        }}
      />
    </section>
  );
}
