{-# LANGUAGE OverloadedStrings #-}
{-# LANGUAGE QuasiQuotes #-}
-- | The main module.
module Main (main, Shape(..), area) where

import qualified Data.Map as M
import Data.List (sortBy, foldl')
import Data.Maybe hiding (fromJust)
import Control.Monad

{- A block comment
   {- nested -}
-}

data Shape = Circle Double | Rect { width :: Double, height :: Double }
  deriving (Show, Eq)

ne