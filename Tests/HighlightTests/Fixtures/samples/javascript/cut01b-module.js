#!/usr/bin/env node
'use strict';
import { readFile } from 'node:fs/promises';
import * as path from "path";
export default class Site extends Base {
  static count = 0;
  #secret = null;
  constructor(root, options = {}) {
    super(root);
    this.root = root;
    this.options = { drafts: false, ...options };
  }
  async build() {
    const files = await readFile(path.join(this.root, 'index.md'), "utf8");
    for (const [i, f] of 