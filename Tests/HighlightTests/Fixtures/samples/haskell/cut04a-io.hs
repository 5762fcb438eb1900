{-# OPTIONS_GHC -Wall #-}
module Main where

import System.Environment (getArgs)
import qualified Data.Text as T
import qualified Data.Text.IO as 