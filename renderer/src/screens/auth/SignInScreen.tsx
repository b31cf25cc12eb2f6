import { sessionStore } from '../../api/session';
import { AuthBrand } from '../../components/Brand';
import { Banner } from '../../components/Banner';
import { SignInForm } from './SignInForm';

export function SignInScreen({ clinicName, notice }: { clinicName: string | null; notice: string | null }) {
  return (
    <div className="auth-screen">
      <AuthBrand />
      <main className="card auth-card">
        <h1>Sign in</h1>
        <p className="auth-sub">{clinicName ?? 'Runback'}</p>
        {notice && <Banner tone="info">{notice}</Banner>}
        <SignInForm onSignedIn={(grant) => sessionStore.begin(grant)} />
      </main>
      <footer className="auth-footer">Forgot your password? An admin can reset it in Settings → Users.</footer>
    </div>
  );
}
