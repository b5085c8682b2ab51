import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { type IdParams, idOf } from "@/lib/server/api/params";
import { deleteWindow, updateWindow } from "@/lib/server/windows/windows";
import { windowPatchSchema } from "@/lib/validation/windows";

/** PATCH /api/windows/{id} — administrators: any of the window's fields. */
export const PATCH = apiRoute<IdParams>(async (request, context) => {
  const admin = await authenticate(request, "settings.manage");
  const id = await idOf(context, "deployment window");
  const patch = await parseJsonBody(request, windowPatchSchema);
  return Response.json(await updateWindow(admin, id, patch));
});

/** DELETE /api/windows/{id} — administrators → 204. */
export const DELETE = apiRoute<IdParams>(async (request, context) => {
  const admin = await authenticate(request, "settings.manage");
  await deleteWindow(admin, await idOf(context, "deployment window"));
  return new Response(null, { status: 204 });
});
