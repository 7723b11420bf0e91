export function DropOverlayView({ visible }: { readonly visible: boolean }) {
  if (!visible) return null;
  return (
    <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-indigo-600/15 p-6 backdrop-blur-[1px]" aria-hidden="true">
      <div className="rounded-xl border-2 border-dashed border-indigo-500 bg-white px-8 py-6 text-lg font-semibold text-indigo-900 shadow-lg dark:bg-zinc-900 dark:text-indigo-100">
        Drop files or folders to add them — they stay in this browser
      </div>
    </div>
  );
}
