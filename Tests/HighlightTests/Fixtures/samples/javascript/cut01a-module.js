#!/usr/bin/env node
'use strict';
import { readFile } from 'node:fs/promises';
import * as path from "path";
export default class Site extends Base {
  static count = 0;
  #secret = null;
  constructor(root, options = 