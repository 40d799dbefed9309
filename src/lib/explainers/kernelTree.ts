// The Linux 6.12 tree the explainers' 6.12 tables, code locations and line references were last
// checked against: Debian's linux-source-6.12, whose Makefile says 6.12.118. It is the 6.12.y stable
// tree, which carries backports upstream v6.12 lacks, so it is never called "v6.12".
// The tests that compare the explainers with a tree (LINUX_6_12_TREE=<tree>) fail when the tree has
// another version, so moving to a new tree means re-checking and updating this record.
export const LINUX_6_12_TREE_READ = '6.12.118';

/** How pages and explainers name that tree. */
export const LINUX_6_12_TREE_LABEL = `Linux ${LINUX_6_12_TREE_READ} (Debian)`;
