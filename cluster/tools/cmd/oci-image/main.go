// Command oci-image packs a root filesystem (a folder, plus single files placed at given paths) into a
// one-layer OCI image archive that `ctr images import` loads. No registry is needed: the cluster's
// nodes run only images built here.
//
// The layer is reproducible: entries are sorted and their times fixed, so the same inputs give the
// same image digest, and a rebuild that changes nothing is a no-op for containerd.
package main

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

type options struct {
	ref, out, rootfs, user, workdir, stopSignal string
	files, env, entrypoint, cmd, ports         list
}

func main() {
	var o options
	flag.StringVar(&o.ref, "ref", "", "image reference, e.g. zdc.local/echo:1 (required)")
	flag.StringVar(&o.out, "o", "", "output archive path (required)")
	flag.StringVar(&o.rootfs, "rootfs", "", "folder whose contents become the image's /")
	flag.Var(&o.files, "file", "SRC:DEST[:MODE] — a single file placed at DEST (repeatable)")
	flag.Var(&o.env, "env", "KEY=VALUE (repeatable)")
	flag.Var(&o.entrypoint, "entrypoint", "entrypoint argument (repeatable, in order)")
	flag.Var(&o.cmd, "cmd", "cmd argument (repeatable, in order)")
	flag.Var(&o.ports, "expose", "PORT/PROTO (repeatable)")
	flag.StringVar(&o.user, "user", "", "user the image runs as (uid[:gid])")
	flag.StringVar(&o.workdir, "workdir", "", "working directory")
	flag.StringVar(&o.stopSignal, "stop-signal", "", "signal that stops the container, e.g. SIGWINCH")
	flag.Parse()
	if o.ref == "" || o.out == "" || (o.rootfs == "" && len(o.files) == 0) {
		fmt.Fprintln(os.Stderr, "oci-image: -ref, -o and -rootfs or -file are required (oci-image -h lists the flags)")
		os.Exit(2)
	}
	if err := build(o); err != nil {
		fmt.Fprintf(os.Stderr, "oci-image: %v\n", err)
		os.Exit(1)
	}
}

var epoch = time.Unix(0, 0).UTC()

// digestWriter hashes and counts what passes through it.
type digestWriter struct {
	h hash.Hash
	n int64
}

func (d *digestWriter) Write(p []byte) (int, error) { d.n += int64(len(p)); return d.h.Write(p) }
func (d *digestWriter) digest() string           { return "sha256:" + hex.EncodeToString(d.h.Sum(nil)) }

func build(o options) error {
	tmp, err := os.CreateTemp(filepath.Dir(o.out), ".layer-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	dw := &digestWriter{h: sha256.New()}
	tw := tar.NewWriter(io.MultiWriter(tmp, dw))
	if o.rootfs != "" {
		if err := addTree(tw, o.rootfs); err != nil {
			return err
		}
	}
	for _, f := range o.files {
		if err := addFile(tw, f); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	layerDigest, layerSize := dw.digest(), dw.n
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}

	exposed := map[string]struct{}{}
	for _, p := range o.ports {
		exposed[p] = struct{}{}
	}
	config := map[string]any{
		"created":      epoch.Format(time.RFC3339),
		"architecture": "amd64",
		"os":           "linux",
		"config": map[string]any{
			"Env": []string(o.env), "Entrypoint": []string(o.entrypoint), "Cmd": []string(o.cmd),
			"User": o.user, "WorkingDir": o.workdir, "StopSignal": o.stopSignal, "ExposedPorts": exposed,
		},
		"rootfs":  map[string]any{"type": "layers", "diff_ids": []string{layerDigest}},
		"history": []map[string]any{{"created": epoch.Format(time.RFC3339), "created_by": "oci-image " + o.ref}},
	}
	configJSON, _ := json.Marshal(config)
	configDigest := sha(configJSON)
	manifest := map[string]any{
		"schemaVersion": 2,
		"mediaType":     "application/vnd.oci.image.manifest.v1+json",
		"config":        descriptor("application/vnd.oci.image.config.v1+json", configDigest, int64(len(configJSON))),
		"layers":        []any{descriptor("application/vnd.oci.image.layer.v1.tar", layerDigest, layerSize)},
	}
	manifestJSON, _ := json.Marshal(manifest)
	manifestDigest := sha(manifestJSON)
	mdesc := descriptor("application/vnd.oci.image.manifest.v1+json", manifestDigest, int64(len(manifestJSON)))
	mdesc["annotations"] = map[string]string{"org.opencontainers.image.ref.name": o.ref, "io.containerd.image.name": o.ref}
	index, _ := json.Marshal(map[string]any{"schemaVersion": 2, "manifests": []any{mdesc}})

	out, err := os.Create(o.out + ".tmp")
	if err != nil {
		return err
	}
	aw := tar.NewWriter(out)
	blobs := []struct {
		name string
		data []byte
	}{
		{"oci-layout", []byte(`{"imageLayoutVersion":"1.0.0"}`)},
		{"index.json", index},
		{"blobs/sha256/" + hexOf(configDigest), configJSON},
		{"blobs/sha256/" + hexOf(manifestDigest), manifestJSON},
	}
	for _, dir := range []string{"blobs/", "blobs/sha256/"} {
		if err := aw.WriteHeader(&tar.Header{Name: dir, Typeflag: tar.TypeDir, Mode: 0o755, ModTime: epoch}); err != nil {
			return err
		}
	}
	for _, b := range blobs {
		if err := writeBytes(aw, b.name, b.data); err != nil {
			return err
		}
	}
	if err := aw.WriteHeader(&tar.Header{Name: "blobs/sha256/" + hexOf(layerDigest), Mode: 0o644, Size: layerSize, ModTime: epoch}); err != nil {
		return err
	}
	if _, err := io.Copy(aw, tmp); err != nil {
		return err
	}
	if err := aw.Close(); err != nil {
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	fmt.Println(manifestDigest)
	return os.Rename(o.out+".tmp", o.out)
}

func descriptor(mediaType, digest string, size int64) map[string]any {
	return map[string]any{"mediaType": mediaType, "digest": digest, "size": size}
}

func sha(b []byte) string { s := sha256.Sum256(b); return "sha256:" + hex.EncodeToString(s[:]) }
func hexOf(d string) string { return strings.TrimPrefix(d, "sha256:") }

func writeBytes(tw *tar.Writer, name string, data []byte) error {
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data)), ModTime: epoch}); err != nil {
		return err
	}
	_, err := io.Copy(tw, bytes.NewReader(data))
	return err
}

// addTree writes every entry below root with its owner and mode, in sorted order, times fixed.
func addTree(tw *tar.Writer, root string) error {
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(paths)
	links := map[uint64]string{} // inode -> first name, so hard links stay links
	for _, p := range paths {
		rel, _ := filepath.Rel(root, p)
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		link := ""
		if info.Mode()&fs.ModeSymlink != 0 {
			if link, err = os.Readlink(p); err != nil {
				return err
			}
		}
		h, err := tar.FileInfoHeader(info, link)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		h.Name = filepath.ToSlash(rel)
		if info.IsDir() {
			h.Name += "/"
		}
		h.ModTime, h.AccessTime, h.ChangeTime = epoch, time.Time{}, time.Time{}
		h.Uname, h.Gname = "", ""
		h.Format = tar.FormatPAX
		if ino, nlink, ok := inode(info); ok && info.Mode().IsRegular() && nlink > 1 {
			if first, seen := links[ino]; seen {
				h.Typeflag, h.Linkname, h.Size = tar.TypeLink, first, 0
			} else {
				links[ino] = h.Name
			}
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if h.Typeflag == tar.TypeReg {
			if err := copyFile(tw, p); err != nil {
				return err
			}
		}
	}
	return nil
}

func addFile(tw *tar.Writer, spec string) error {
	parts := strings.Split(spec, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return fmt.Errorf("-file %q: want SRC:DEST[:MODE]", spec)
	}
	info, err := os.Stat(parts[0])
	if err != nil {
		return err
	}
	mode := int64(info.Mode().Perm())
	if len(parts) == 3 {
		if _, err := fmt.Sscanf(parts[2], "%o", &mode); err != nil {
			return fmt.Errorf("-file %q: mode %q is not octal", spec, parts[2])
		}
	}
	dest := strings.TrimPrefix(parts[1], "/")
	if dest == "" || strings.HasSuffix(dest, "/") {
		return errors.New("-file DEST must name a file")
	}
	// Parent folders first, as a runtime extracting the layer expects.
	segs := strings.Split(dest, "/")
	for i := 1; i < len(segs); i++ {
		dir := strings.Join(segs[:i], "/") + "/"
		if err := tw.WriteHeader(&tar.Header{Name: dir, Typeflag: tar.TypeDir, Mode: 0o755, ModTime: epoch}); err != nil {
			return err
		}
	}
	if err := tw.WriteHeader(&tar.Header{Name: dest, Mode: mode, Size: info.Size(), ModTime: epoch}); err != nil {
		return err
	}
	return copyFile(tw, parts[0])
}

func copyFile(w io.Writer, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
