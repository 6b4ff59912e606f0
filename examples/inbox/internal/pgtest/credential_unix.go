//go:build unix

package pgtest

import (
	"os/exec"
	"syscall"
)

// setCredential makes cmd run as uid:gid, unless uid is -1.
func setCredential(cmd *exec.Cmd, uid, gid int) {
	if uid < 0 {
		return
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
}
