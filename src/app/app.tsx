export function App() {
  return (
    <main className="p-6">
      <h1 className="text-2xl font-semibold">Certscope</h1>
      <p>Drop a certificate file.</p>
    </main>
  );
}
