// The wall feature's public face, for the app's routes.
export { WallAccess } from "@/features/wall/wall-source";
export { WallPage } from "@/features/wall/wall-page";
export { DoorPage } from "@/features/wall/door-page";
