"""Where a portfolio file lives: local disk, network share or a synchronised folder.

SQLite's locking and WAL need a local file system: on a network share locks are unreliable,
and a sync client (OneDrive, Dropbox, Nextcloud …) may copy a half-written file or replace the
file under an open connection. Such files are opened on a local working copy
(services/safety.py) or read-only. Detection reads only local information (mount table,
drive type, path names, marker files) — it never touches the network.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath

NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "coda",
    "9p",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "beegfs",
    "davfs",
    "webdav",
    "sshfs",
    "afpfs",
}
# sync clients by the folder names they create (compared case-insensitively, whole names)
SYNC_NAMES = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "meine ablage": "Google Drive",
    "icloud drive": "iCloud",
    "iclouddrive": "iCloud",
    "mobile documents": "iCloud",
    "box": "Box",
    "box sync": "Box",
    "seafile": "Seafile",
    "pcloud drive": "pCloud",
    "magentacloud": "MagentaCLOUD",
    "tresorit": "Tresorit",
}
# "OneDrive - Land Sachsen-Anhalt", "Dropbox (Firma)", "Nextcloud-MID" …
SYNC_PREFIXES = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "icloud": "iCloud",
}
# files a sync client leaves in the folder it synchronises
SYNC_MARKERS = {
    ".dropbox": "Dropbox",
    ".dropbox.cache": "Dropbox",
    ".stfolder": "Syncthing",
    ".sync": "Resilio Sync",
    ".nextcloudsync.log": "Nextcloud",
    ".owncloudsync.log": "ownCloud",
    ".seafile-data": "Seafile",
}


@dataclass(slots=True, frozen=True)
class Location:
    kind: str  # "local" | "network" | "synced"
    detail: str = ""  # file system type, drive, or the sync client's name

    @property
    def risky(self) -> bool:
        return self.kind != "local"


def classify(path: Path) -> Location:
    """local, network (with the file system) or synced (with the client's name)."""
    path = Path(path)
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path.absolute()
    network = network_fs(resolved)
    if network:
        return Location("network", network)
    client = sync_client(resolved)
    if client:
        return Location("synced", client)
    return Location("local")


def sync_client(path: Path) -> str | None:
    for part in PurePath(path).parts[:-1]:
        low = part.lower().strip()
        if low in SYNC_NAMES:
            return SYNC_NAMES[low]
        for prefix, client in SYNC_PREFIXES.items():
            if low.startswith(prefix) and (
                len(low) == len(prefix) or not low[len(prefix)].isalnum()
            ):
                return client
    folder = Path(path).parent
    for ancestor in (folder, *folder.parents):
        for marker, client in SYNC_MARKERS.items():
            try:
                if (ancestor / marker).exists():
                    return client
            except OSError:
                continue
        if any(ancestor.glob("._sync_*.db")) or any(ancestor.glob(".sync_*.db")):
            return "Nextcloud/ownCloud"
    return None


def network_fs(path: Path) -> str | None:
    if sys.platform == "win32":
        return _windows_network(path)
    if sys.platform == "darwin":
        return _mac_network(path)
    return _linux_network(path)


def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def mount_of(path: Path, mounts_text: str) -> tuple[str, str] | None:
    """(mount point, fs type) of the longest mount point containing `path`."""
    best: tuple[str, str] | None = None
    target = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fstype = _unescape(fields[1]), fields[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= len(best[0])):
            best = (point, fstype)
    return best


def is_network_type(fstype: str) -> bool:
    low = fstype.lower()
    if low in NETWORK_FS:
        return True
    # FUSE mounts: sshfs, rclone, s3fs, gcsfuse … are remote; local FUSE helpers are not
    if low.startswith("fuse."):
        return low not in {
            "fuse.portal",
            "fuse.gvfsd-fuse",
            "fuse.lxcfs",
            "fuse.ntfs-3g",
            "fuse.exfat",
            "fuse.vmhgfs-fuse",
            "fuse.appimage",
        }
    return False


def _linux_network(path: Path) -> str | None:
    try:
        text = Path("/proc/mounts").read_text()
    except OSError:
        return None
    found = mount_of(path, text)
    if found and is_network_type(found[1]):
        return found[1]
    return None


def _windows_network(path: Path) -> str | None:
    text = str(path)
    if text.startswith("\\\\") and not text.startswith("\\\\?\\"):
        return "UNC"
    if text.startswith("\\\\?\\UNC\\"):
        return "UNC"
    import ctypes

    drive = os.path.splitdrive(text)[0]
    if not drive:
        return None
    kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    return f"Netzlaufwerk {drive}" if kind == 4 else None  # DRIVE_REMOTE


def _mac_network(path: Path) -> str | None:
    import ctypes
    import ctypes.util

    class StatFs(ctypes.Structure):  # struct statfs (64-bit inodes)
        _fields_ = [
            ("f_bsize", ctypes.c_uint32),
            ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64),
            ("f_bfree", ctypes.c_uint64),
            ("f_bavail", ctypes.c_uint64),
            ("f_files", ctypes.c_uint64),
            ("f_ffree", ctypes.c_uint64),
            ("f_fsid", ctypes.c_int32 * 2),
            ("f_owner", ctypes.c_uint32),
            ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32),
            ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16),
            ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024),
            ("f_reserved", ctypes.c_uint32 * 8),
        ]

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        buf = StatFs()
        probe = path if path.exists() else path.parent
        if libc.statfs(str(probe).encode(), ctypes.byref(buf)) != 0:
            return None
        fstype = buf.f_fstypename.decode(errors="replace")
        local = buf.f_flags & 0x1000  # MNT_LOCAL
    except (OSError, AttributeError):
        return None
    return fstype if not local or is_network_type(fstype) else None
